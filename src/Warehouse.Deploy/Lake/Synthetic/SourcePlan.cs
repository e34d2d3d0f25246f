using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>What a source's rows stand for, read from the nodes downstream of it.</summary>
public enum SourceRole
{
    /// <summary>Feeds a dimension: members with a business key, re-sent with changes in later batches.</summary>
    Dimension,

    /// <summary>Feeds the calendar (a dimension with a date_column): one row per day, written in batch 1 only.</summary>
    Calendar,

    /// <summary>Feeds a fact: events whose business keys hit the referenced dimensions' members.</summary>
    Fact,

    /// <summary>Feeds no dimension or fact (a staging table or SQL model only): rows with ids, appended per batch.</summary>
    Other,
}

/// <summary>What the model says about one source column: its type and what the tests downstream accept.</summary>
/// <param name="References">The dimension source whose members this column's values are (a business key of that dimension).</param>
/// <param name="IsKey">The staging key: unique per member or event, assigned 1, 2, 3, …</param>
/// <param name="IsCalendarDate">The calendar dimension's date_column.</param>
public sealed record ColumnPlan(
    ManifestColumn Column,
    bool IsKey,
    bool NotNull,
    bool Unique,
    IReadOnlyList<string> AcceptedValues,
    string? Min,
    string? Max,
    SourcePlan? References,
    bool IsCalendarDate)
{
    public string Name => Column.Name;

    public ManifestColumnType Type => Column.Type;

    /// <summary>Whether a later batch may send the member with another value here (a type-2 change or a type-1 correction).</summary>
    public bool MayChange => !IsKey && !Unique && References is null && !IsCalendarDate;
}

/// <summary>One source and what the generator writes for it.</summary>
public sealed class SourcePlan(ManifestNode node, SourceRole role, string? key)
{
    public ManifestNode Node { get; } = node;

    public SourceRole Role { get; } = role;

    /// <summary>The staging key's column in this source (null when no staging node keys it).</summary>
    public string? Key { get; } = key;

    public IReadOnlyList<ColumnPlan> Columns { get; set; } = [];

    public string Id => Node.Id;
}
