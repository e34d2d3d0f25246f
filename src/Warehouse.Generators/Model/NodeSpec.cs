using System;

namespace Warehouse.Generators.Model;

/// <summary>The kinds of node in the warehouse DAG (mirrors dbt's node types).</summary>
internal enum NodeKind
{
    Source,
    Staging,
    Dimension,
    Fact,
    SqlModel,
    Analysis,
    SingularTest,
}

/// <summary>
/// The spec's layer. The task and the runner decode specs without Warehouse.Model, so the spec has its own values;
/// the parser translates <c>Warehouse.Model.Layer</c> into them (Parsing/ModelEnums.cs).
/// </summary>
internal enum LayerKind
{
    Bronze,
    Silver,
    Gold,
}

/// <summary>The spec's load strategy, translated from <c>Warehouse.Model.IncrementalStrategy</c> (Parsing/ModelEnums.cs).</summary>
internal enum Incremental
{
    FullRefresh,
    Append,
    DeleteInsert,
    Merge,
}

/// <summary>The spec's distribution style, translated from <c>Warehouse.Model.DistributionStyle</c> (Parsing/ModelEnums.cs).</summary>
internal enum DistributionKind
{
    Auto,
    Even,
    Key,
    All,
}

/// <summary>
/// One node of the warehouse: everything the emitters need to render it, and nothing that ties it to a
/// compilation (no symbols, no syntax, no locations), so the incremental pipeline can compare it by value.
/// Fields that name other nodes are filled in by <c>WarehouseResolver</c> ("Resolved" data), so rendering a node
/// never needs another node's spec.
/// </summary>
internal sealed record NodeSpec
{
    /// <summary>Stable identifier, <c>schema.name</c> (dbt's unique_id without the project).</summary>
    public string Id => Schema + "." + Name;

    public required NodeKind Kind { get; init; }

    /// <summary>The C# type's fully qualified name, as written in <c>typeof</c>; the key references resolve by.</summary>
    public required string TypeName { get; init; }

    public required string Name { get; init; }

    public required string Schema { get; init; }

    public required LayerKind Layer { get; init; }

    public string? Description { get; init; }

    /// <summary>The record's <c>[Tag]</c>s in declaration order, without repeats (what <c>--select tag:</c> matches).</summary>
    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<ColumnSpec> Columns { get; init; } = EquatableArray<ColumnSpec>.Empty;

    /// <summary>Source: where the files are and how they are delimited.</summary>
    public SourceFormatSpec? Format { get; init; }

    /// <summary>Staging, dimension, fact: the upstream record's type name as parsed.</summary>
    public string? UpstreamType { get; init; }

    /// <summary>Resolved: the upstream node (schema and name) that staging, dimension and fact read from.</summary>
    public TableRef? Upstream { get; init; }

    /// <summary>Resolved, staging: the source's columns (names and declared types), which silver casts the raw text to.</summary>
    public EquatableArray<ColumnSpec> UpstreamColumns { get; init; } = EquatableArray<ColumnSpec>.Empty;

    /// <summary>Staging: the key (column name) rows are de-duplicated and merged on.</summary>
    public string? Key { get; init; }

    public Incremental Incremental { get; init; }

    public EquatableArray<RuleSpec> Rules { get; init; } = EquatableArray<RuleSpec>.Empty;

    /// <summary>Dimension: 1 or 2.</summary>
    public int Scd { get; init; }

    /// <summary>Dimension: the DATE column of a calendar dimension.</summary>
    public string? DateColumn { get; init; }

    public bool UnknownMember { get; init; }

    /// <summary>Dimension: the rows it is expected to hold, as declared (<c>ExpectedRows</c>); 0 when not declared.</summary>
    public long ExpectedRows { get; init; }

    /// <summary>
    /// Staging, dimension, fact: Redshift's distribution. Parsed: what <c>[Distribution]</c> declares (null when
    /// absent, the column as written); resolved: the distribution the table gets (<c>PhysicalDesign</c>).
    /// </summary>
    public DistributionSpec? Distribution { get; init; }

    /// <summary>
    /// Staging, dimension, fact: Redshift's compound sort key. Parsed: what <c>[SortKey]</c> declares (empty when
    /// absent, as written); resolved: the sort key's column names (<c>PhysicalDesign</c>), empty for none.
    /// </summary>
    public EquatableArray<string> SortKeys { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<HierarchySpec> Hierarchies { get; init; } = EquatableArray<HierarchySpec>.Empty;

    /// <summary>Fact: the grain.</summary>
    public GrainSpec? Grain { get; init; }

    /// <summary>Resolved, fact: the calendar dimension reference used as the fact's date for type-2 lookups.</summary>
    public string? EventDateColumn { get; init; }

    /// <summary>SQL model, analysis, singular test: the SQL with its typed references.</summary>
    public EquatableArray<SqlPart> Sql { get; init; } = EquatableArray<SqlPart>.Empty;

    /// <summary>SQL model: view or table.</summary>
    public bool MaterializeAsTable { get; init; }

    /// <summary>Singular test: fails the deploy (error) or only reports (warn).</summary>
    public bool WarnOnly { get; init; }

    /// <summary>Resolved: the ids of the nodes this node reads, sorted.</summary>
    public EquatableArray<string> DependsOn { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Resolved: the generic tests derived from the columns and the grain, sorted by name.</summary>
    public EquatableArray<TestSpec> Tests { get; init; } = EquatableArray<TestSpec>.Empty;
}

/// <summary>A schema-qualified table name.</summary>
internal sealed record TableRef(string Schema, string Name)
{
    public string Id => Schema + "." + Name;

    /// <summary>Resolved: the table is a bronze source (dbt spells it <c>source(...)</c>, not <c>ref(...)</c>).</summary>
    public bool IsSource { get; init; }
}

/// <summary>A distribution style and, for <see cref="DistributionKind.Key"/>, its column.</summary>
internal sealed record DistributionSpec(DistributionKind Kind, string? Column);

/// <summary>How a source's files are laid out in the lake.</summary>
internal sealed record SourceFormatSpec(string Prefix, string FilePattern, char Delimiter, bool Header);

/// <summary>A silver quarantine rule.</summary>
internal sealed record RuleSpec(string Name, string Condition, string Reason)
{
    /// <summary>Parsed <see cref="Condition"/>; null while unparseable (a diagnostic says why).</summary>
    public Expressions.Expr? Parsed { get; init; }
}

internal sealed record HierarchySpec(string Name, EquatableArray<string> Levels);

/// <summary>A fact's grain: the columns that identify a row, and its sentence.</summary>
internal sealed record GrainSpec(string Description, EquatableArray<string> Columns);

/// <summary>A piece of a typed SQL body: literal text, or a reference to another model by C# type.</summary>
internal sealed record SqlPart(string Text, string? ReferencedType)
{
    /// <summary>Resolved: the referenced node.</summary>
    public TableRef? Target { get; init; }
}
