namespace Warehouse.Generators;

/// <summary>Names of the pipeline steps, so tests can check what ran and what was cached.</summary>
internal static class TrackingNames
{
    public const string Parse = "Parse";
    public const string Collect = "Collect";
    public const string Resolve = "Resolve";
    public const string Diagnostics = "Diagnostics";
    public const string Nodes = "Nodes";
    public const string Render = "Render";
    public const string Setup = "Setup";
    public const string Sources = "Sources";
    public const string CloudFormation = "CloudFormation";
    public const string WholeModel = "WholeModel";

}
