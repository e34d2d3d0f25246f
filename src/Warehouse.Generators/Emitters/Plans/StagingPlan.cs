using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>
/// What a staging (silver) model computes, whichever renderer spells it: the source columns it reads as text and
/// the types it casts them to, its model columns, the checks that quarantine a row (first failure wins, in order),
/// and the key it keeps the latest row of. Built by <see cref="StagingPlanBuilder"/>.
/// </summary>
internal sealed record StagingPlan(
    TableRef Target,
    TableRef Quarantine,
    TableRef Upstream,
    EquatableArray<SourceColumnPlan> SourceColumns,
    EquatableArray<ModelColumn> Columns,
    EquatableArray<StagingCheck> Checks,
    string? Key,
    Incremental Incremental,
    TableLayout Layout)
{
    /// <summary>The rule of a row that passed every check but lost to a later row of its key.</summary>
    public const string DuplicateRule = "duplicate_key";

    public string DuplicateReason => $"a later row has the same {Key}";

    /// <summary>A new batch replaces the rows of its keys (merge, delete+insert) rather than appending.</summary>
    public bool ReplacesKeys => Key is not null && Incremental is Incremental.Merge or Incremental.DeleteInsert;
}

/// <summary>
/// A source column silver reads: delivered as text (trimmed, empty as NULL), cast to <see cref="Type"/>.
/// <see cref="KeepsWhitespace"/>: a text column copied untrimmed is cast from the delivered text, not the trimmed one.
/// </summary>
internal sealed record SourceColumnPlan(string Name, SqlType Type, bool KeepsWhitespace);

/// <summary>A column of the model's table and how its value is computed from the upstream row.</summary>
internal sealed record ModelColumn(string Name, SqlType Type, bool Nullable, ValuePlan Value);

/// <summary>A check that quarantines a staging row; <see cref="Rule"/> names it in the quarantine's <c>_rule</c>.</summary>
internal abstract record StagingCheck(string Rule);

/// <summary>The delivered text is longer than the source column's VARCHAR.</summary>
internal sealed record TooLongCheck(string Column, int Length) : StagingCheck("too_long_" + Column);

/// <summary>The delivered text is not a valid value of the source column's type.</summary>
internal sealed record InvalidCheck(string Column, SqlType Type) : StagingCheck("invalid_" + Column);

/// <summary>A required (non-nullable) model column is NULL.</summary>
internal sealed record MissingCheck(string Column) : StagingCheck("missing_" + Column);

/// <summary>A <c>[Rule]</c>: the row fails when its condition over the model columns is not true.</summary>
internal sealed record RuleCheck(string Name, Expr Condition, string Reason) : StagingCheck(Name);
