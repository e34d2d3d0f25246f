using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing.ModelAttributes;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// How Warehouse.Model's enums are written into a spec. The spec keeps its own small vocabulary (<see cref="LayerKind"/>,
/// <see cref="Incremental"/>, the SCD number, the additivity name) because the task and the runner decode specs
/// without Warehouse.Model; this is the one place that translates.
/// </summary>
internal static class ModelEnums
{
    public static LayerKind ToSpec(Layer layer) => layer switch
    {
        Layer.Bronze => LayerKind.Bronze,
        Layer.Silver => LayerKind.Silver,
        _ => LayerKind.Gold,
    };

    public static Incremental ToSpec(IncrementalStrategy strategy) => strategy switch
    {
        IncrementalStrategy.FullRefresh => Incremental.FullRefresh,
        IncrementalStrategy.Append => Incremental.Append,
        IncrementalStrategy.DeleteInsert => Incremental.DeleteInsert,
        _ => Incremental.Merge,
    };

    /// <summary>The SCD type as the spec's number: <see cref="ScdType"/> is numbered by its type (1, 2).</summary>
    public static int ToSpec(ScdType scd) => (int)scd;

    public static string ToSpec(Additivity additivity) => additivity switch
    {
        Additivity.SemiAdditive => "semi_additive",
        Additivity.NonAdditive => "non_additive",
        _ => "additive",
    };

    public static DistributionKind ToSpec(DistributionStyle style) => style switch
    {
        DistributionStyle.Even => DistributionKind.Even,
        DistributionStyle.Key => DistributionKind.Key,
        DistributionStyle.All => DistributionKind.All,
        _ => DistributionKind.Auto,
    };

    public static bool WarnOnly(Severity severity) => severity == Severity.Warn;
}
