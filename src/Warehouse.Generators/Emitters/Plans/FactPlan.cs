using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>
/// What a fact (gold) computes, whichever renderer spells it: its columns (measures and degenerate keys from silver,
/// references looked up as surrogate keys), the dimension lookups in join order (the calendar first, as type-2
/// lookups are dated by it), and the re-key of older facts whose members arrived late or whose version closed.
/// Built by <see cref="FactPlanBuilder"/>.
/// </summary>
internal sealed record FactPlan(
    TableRef Target,
    TableRef Upstream,
    EquatableArray<FactColumn> Columns,
    EquatableArray<LookupPlan> Lookups,
    GrainSpec? Grain,
    Incremental Incremental,
    TableLayout Layout,
    RekeyPlan? Rekey)
{
    public EquatableArray<string> GrainColumns => Grain?.Columns ?? EquatableArray<string>.Empty;

    /// <summary>A new batch replaces the facts of its grain (merge, delete+insert) rather than appending.</summary>
    public bool ReplacesGrain => GrainColumns.Count > 0 && Incremental is Incremental.Merge or Incremental.DeleteInsert;
}

/// <summary>A fact column: a value from silver, or (<see cref="Lookup"/>) the surrogate key found by a lookup, -1 when none.</summary>
internal sealed record FactColumn(string Name, SqlType Type, bool Nullable, ValuePlan? Value, LookupPlan? Lookup);

/// <summary>Which version of a dimension a lookup joins.</summary>
internal enum LookupVersion
{
    /// <summary>A type-1 dimension has one row per member.</summary>
    Only,

    /// <summary>A type-2 dimension without a dated calendar reference: the current version.</summary>
    Current,

    /// <summary>A type-2 dimension: the version valid on the fact's date (<see cref="LookupPlan.AsOf"/>).</summary>
    AsOfDate,
}

/// <summary>
/// A lookup of a referenced dimension's surrogate key by business key: joined as <see cref="Alias"/>, fact column
/// <see cref="Column"/> takes its <see cref="SurrogateKey"/>, matched on <see cref="BusinessKey"/> =
/// silver's <see cref="FactColumn"/>.
/// </summary>
internal sealed record LookupPlan(
    string Column,
    string Alias,
    TableRef Dimension,
    string SurrogateKey,
    string BusinessKey,
    string FactColumn,
    LookupVersion Version,
    DateRef? AsOf);

/// <summary>A DATE column of a joined relation: the calendar's date a type-2 version must cover.</summary>
internal sealed record DateRef(string Alias, string Column);

/// <summary>
/// Older facts merged again with the new batch, by grain: those on the unknown member of any reference (the member
/// may have arrived since), and those on a type-2 version that no longer covers their date (a later batch closed
/// it) — the latter only when the fact has a dated calendar reference (<see cref="Calendar"/>).
/// </summary>
internal sealed record RekeyPlan(EquatableArray<string> Grain, EquatableArray<string> References, RekeyCalendar? Calendar);

/// <summary>
/// How a stored fact finds its date: its <see cref="Calendar"/> reference joined on the surrogate key, whose
/// <see cref="DateColumn"/> each <see cref="Versioned"/> reference's version must cover.
/// </summary>
internal sealed record RekeyCalendar(LookupPlan Calendar, string DateColumn, EquatableArray<LookupPlan> Versioned);
