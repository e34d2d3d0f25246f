using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>
/// What a dimension (gold) computes, whichever renderer spells it: its columns and their values from silver, the
/// hashed surrogate key, for type 2 the columns whose change opens a version (<see cref="Tracked"/>) and those
/// overwritten on every version (<see cref="Overwritten"/>), and the unknown member's row. Built by
/// <see cref="DimensionPlanBuilder"/>.
/// </summary>
internal sealed record DimensionPlan(
    TableRef Target,
    TableRef Upstream,
    EquatableArray<DimensionColumn> Columns,
    SurrogateKeyPlan SurrogateKey,
    string BusinessKey,
    bool Type2,
    EquatableArray<string> Tracked,
    EquatableArray<string> Overwritten,
    EquatableArray<ColumnConstant> UnknownMember,
    TableLayout Layout)
{
    /// <summary>Every column but the surrogate key (derived, not read from silver), in declaration order.</summary>
    public EquatableArray<DimensionColumn> Attributes => Columns.Where(c => c.Role != ColumnRole.SurrogateKey).ToEquatableArray();

    public DimensionColumn Column(string name) => Columns.First(c => c.Name == name);
}

/// <summary>A dimension column; <see cref="Value"/> is null for the surrogate key (<see cref="DimensionPlan.SurrogateKey"/>).</summary>
internal sealed record DimensionColumn(string Name, SqlType Type, bool Nullable, ColumnRole Role, ValuePlan? Value);

/// <summary>
/// The surrogate key: a hash of <see cref="HashedColumn"/> (a type-1 member: silver's business key column) and, for a
/// type-2 version, its valid_from (the dimension's business key and the version's start).
/// </summary>
internal sealed record SurrogateKeyPlan(string Column, string HashedColumn, bool WithValidFrom);

/// <summary>One column of a constant row (the unknown member), in table order.</summary>
internal sealed record ColumnConstant(string Column, Constant Value);
