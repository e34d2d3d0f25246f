namespace Warehouse.Generators;

/// <summary>Names of the pipeline steps, so tests can check what ran and what was cached.</summary>
internal static class TrackingNames
{
    public const string Parse = "Parse";
    public const string Collect = "Collect";
    public const string Resolve = "Resolve";
    public const string Diagnostics = "Diagnostics";
    public const string Nodes = "Nodes";

    /// <summary>Per node: its resolved spec as the C# constant that carries it out of the compiler.</summary>
    public const string Encode = "Encode";

    /// <summary>The whole model: what <c>WarehouseModel</c> lists (project and node names).</summary>
    public const string Index = "Index";
}
