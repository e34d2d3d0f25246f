using System.Collections.Generic;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>
/// How a model column's value comes from its upstream row: an upstream column (<see cref="Column"/>) or a derived
/// expression, cast to <see cref="Type"/> when <see cref="Cast"/> says so, with <see cref="Default"/> for NULL.
/// The renderers spell it with <see cref="PlanSql.Value"/>, each qualifying the upstream columns its own way.
/// </summary>
internal sealed record ValuePlan(SqlType Type, string? Column, Expr? Derived, bool Cast, Expr? Default)
{
    /// <summary>
    /// A derived value is always cast to the column's type; an upstream column only when its declared type differs
    /// (<paramref name="upstreamTypes"/>: silver knows its source's types; gold copies silver's typed columns as they are).
    /// </summary>
    public static ValuePlan Of(ColumnSpec column, IReadOnlyDictionary<string, SqlType>? upstreamTypes = null)
    {
        if (column.Derived is not null)
        {
            return new ValuePlan(column.Type, null, column.Derived, true, column.Default);
        }

        var cast = upstreamTypes is not null && upstreamTypes.TryGetValue(column.UpstreamColumn!, out var type) && type != column.Type;
        return new ValuePlan(column.Type, column.UpstreamColumn, null, cast, column.Default);
    }
}

/// <summary>A constant of a logical type; a null <see cref="Value"/> is SQL NULL. Spelled by <see cref="PlanSql.Constant"/>.</summary>
internal sealed record Constant(SqlTypeKind Kind, string? Value)
{
    public const string BeginningOfTime = "1900-01-01 00:00:00";
    public const string EndOfTime = "9999-12-31 00:00:00";

    public static readonly Constant Null = new(SqlTypeKind.Varchar, null);
    public static readonly Constant True = new(SqlTypeKind.Boolean, "TRUE");
    public static readonly Constant ValidFromStart = new(SqlTypeKind.Timestamp, BeginningOfTime);
    public static readonly Constant ValidToEnd = new(SqlTypeKind.Timestamp, EndOfTime);
}

/// <summary>
/// Physical layout both renderers apply: Redshift's distribution and sort keys (table options, dbt config), as the
/// resolver decided them (<c>Resolution/PhysicalDesign.cs</c>). <see cref="DistributionKey"/> is set for Key only.
/// </summary>
internal sealed record TableLayout(DistributionKind Distribution, string? DistributionKey, EquatableArray<string> SortKeys)
{
    /// <summary>The resolved spec's layout; a spec without one (never resolved) is AUTO and unsorted.</summary>
    public static TableLayout Of(NodeSpec node) =>
        new(node.Distribution?.Kind ?? DistributionKind.Auto, node.Distribution?.Column, node.SortKeys);
}
