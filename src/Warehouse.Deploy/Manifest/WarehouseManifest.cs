using System.Globalization;
using System.Text.Json.Serialization;

namespace Warehouse.Deploy.Manifest;

/// <summary>
/// The typed form of <c>manifest.json</c> (format <c>warehouse-manifest/2</c>, see docs/manifest.md). Its JSON Schema
/// is <c>schemas/manifest/v2.json</c>; a test checks that every property here is described there with the same shape.
/// </summary>
public sealed record WarehouseManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("dialects")] IReadOnlyList<string> Dialects,
    [property: JsonPropertyName("setup")] IReadOnlyDictionary<string, string> Setup,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, IReadOnlyList<string>> Variables,
    [property: JsonPropertyName("bookkeeping")] ManifestBookkeeping Bookkeeping,
    [property: JsonPropertyName("aws")] ManifestAws Aws,
    [property: JsonPropertyName("nodes")] IReadOnlyList<ManifestNode> Nodes)
{
    public const string SupportedFormat = "warehouse-manifest/2";

    [JsonIgnore]
    public IEnumerable<ManifestNode> Tests => Nodes.Where(n => n.Kind == NodeKinds.Test);

    [JsonIgnore]
    public IEnumerable<ManifestNode> Analyses => Nodes.Where(n => n.Kind == NodeKinds.Analysis);

    [JsonIgnore]
    public IEnumerable<ManifestNode> Sources => Nodes.Where(n => n.Kind == NodeKinds.Source);
}

public sealed record ManifestNode(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("layer")] string? Layer,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("materialization")] string Materialization,
    [property: JsonPropertyName("columns")] IReadOnlyList<ManifestColumn>? Columns,
    [property: JsonPropertyName("source")] SourceSpec? Source,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("incremental")] string? Incremental,
    [property: JsonPropertyName("quarantine")] string? Quarantine,
    [property: JsonPropertyName("depends_on")] IReadOnlyList<string>? DependsOn,
    [property: JsonPropertyName("sql")] IReadOnlyDictionary<string, string>? Sql,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("attached_to")] string? AttachedTo,
    [property: JsonPropertyName("test_type")] string? TestType,
    [property: JsonPropertyName("checksum")] string? Checksum,
    [property: JsonPropertyName("publish_group")] string? PublishGroup = null,
    [property: JsonPropertyName("scd")] int? Scd = null,
    [property: JsonPropertyName("date_column")] string? DateColumn = null,
    [property: JsonPropertyName("test_columns")] IReadOnlyList<string>? TestColumns = null,
    [property: JsonPropertyName("test_values")] IReadOnlyList<string>? TestValues = null,
    [property: JsonPropertyName("test_min")] string? TestMin = null,
    [property: JsonPropertyName("test_max")] string? TestMax = null,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags = null,
    [property: JsonPropertyName("logic_checksum")] string? LogicChecksum = null,
    [property: JsonPropertyName("grain")] ManifestGrain? Grain = null)
{
    [JsonIgnore]
    public IReadOnlyList<ManifestColumn> ColumnList => Columns ?? [];

    /// <summary>The model's <c>[Tag]</c>s (what <c>--select tag:NAME</c> matches); absent when it has none.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> TagList => Tags ?? [];

    [JsonIgnore]
    public IReadOnlyList<string> Dependencies => DependsOn ?? [];

    /// <summary>
    /// Whether the node belongs to the publish group (the compiler puts the gold models there): from the first of
    /// them on, the models and the tests share one transaction, so a failure keeps the published gold.
    /// </summary>
    [JsonIgnore]
    public bool IsPublished => PublishGroup is not null;

    [JsonIgnore]
    public bool IsErrorSeverity => !string.Equals(Severity, "warn", StringComparison.Ordinal);

    /// <summary>Whether the node leaves a relation in the target (what <c>plan</c> compares).</summary>
    [JsonIgnore]
    public bool HasRelation => Kind is not (NodeKinds.Test or NodeKinds.Analysis);
}

/// <summary>A fact's grain: what one row is, and the columns that identify it.</summary>
public sealed record ManifestGrain(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns);

public sealed record ManifestColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] ManifestColumnType Type,
    [property: JsonPropertyName("nullable")] bool Nullable = true,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("role")] string? Role = null,
    [property: JsonPropertyName("references")] string? References = null,
    [property: JsonPropertyName("references_on")] string? ReferencesOn = null,
    [property: JsonPropertyName("history")] bool History = false,
    [property: JsonPropertyName("reads")] IReadOnlyList<ManifestColumnOrigin>? Reads = null,
    [property: JsonPropertyName("lineage")] IReadOnlyList<ManifestColumnOrigin>? Lineage = null);

/// <summary>A column of a node, as the manifest's column lineage names it (<c>reads</c>: one hop; <c>lineage</c>: the bronze columns).</summary>
public sealed record ManifestColumnOrigin(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("column")] string Column);

/// <summary>A column's logical type as its parts: <c>VARCHAR</c> has a length, <c>DECIMAL</c> a precision and scale.</summary>
public sealed record ManifestColumnType(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("length")] int? Length = null,
    [property: JsonPropertyName("precision")] int? Precision = null,
    [property: JsonPropertyName("scale")] int? Scale = null)
{
    /// <summary>The portable spelling, for messages: <c>VARCHAR(20)</c>, <c>DECIMAL(18,2)</c>, <c>BIGINT</c>.</summary>
    public override string ToString() => (Length, Precision, Scale) switch
    {
        ({ } length, _, _) => string.Create(CultureInfo.InvariantCulture, $"{Name}({length})"),
        (_, { } precision, { } scale) => string.Create(CultureInfo.InvariantCulture, $"{Name}({precision},{scale})"),
        _ => Name,
    };
}

public sealed record SourceSpec(
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("file_pattern")] string FilePattern,
    [property: JsonPropertyName("delimiter")] string Delimiter = "|",
    [property: JsonPropertyName("header")] bool Header = true);

/// <summary>
/// The tables and columns the scripts and the runner share in the target. <c>_setup.sql</c> creates the tables the
/// scripts and the bulk loader use; the runner creates <see cref="RunHistory"/> itself.
/// </summary>
public sealed record ManifestBookkeeping(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("processed_files")] string ProcessedFiles,
    [property: JsonPropertyName("loaded_files")] string LoadedFiles,
    [property: JsonPropertyName("run_history")] string RunHistory,
    [property: JsonPropertyName("rejected_rows")] string RejectedRows,
    [property: JsonPropertyName("node_state")] string NodeState,
    [property: JsonPropertyName("source_file_column")] string SourceFileColumn,
    [property: JsonPropertyName("source_row_column")] string SourceRowColumn,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns);

/// <summary>What <c>deploy --target aws</c> reads from the CloudFormation stack, named by the compiler that wrote it.</summary>
public sealed record ManifestAws(
    [property: JsonPropertyName("template")] string Template,
    [property: JsonPropertyName("outputs")] AwsOutputNames Outputs,
    [property: JsonPropertyName("resources")] AwsResourceNames Resources,
    [property: JsonPropertyName("parameters")] AwsParameterNames Parameters,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, string> Variables);

/// <summary>The stack's output keys.</summary>
public sealed record AwsOutputNames(
    [property: JsonPropertyName("lake_bucket")] string LakeBucket,
    [property: JsonPropertyName("glue_database")] string GlueDatabase,
    [property: JsonPropertyName("crawler")] string Crawler,
    [property: JsonPropertyName("cluster_address")] string ClusterAddress,
    [property: JsonPropertyName("cluster_port")] string ClusterPort,
    [property: JsonPropertyName("redshift_role_arn")] string RedshiftRoleArn,
    [property: JsonPropertyName("master_user_secret_arn")] string MasterUserSecretArn);

/// <summary>Logical ids, read where an emulator computes no output.</summary>
public sealed record AwsResourceNames(
    [property: JsonPropertyName("lake_bucket")] string LakeBucket,
    [property: JsonPropertyName("crawler")] string Crawler);

/// <summary>The template's parameters the deploy reads back.</summary>
public sealed record AwsParameterNames(
    [property: JsonPropertyName("catalog_database")] string CatalogDatabase,
    [property: JsonPropertyName("cluster_database")] string ClusterDatabase,
    [property: JsonPropertyName("master_username")] string MasterUsername);

public static class NodeKinds
{
    public const string Source = "source";
    public const string Staging = "staging";
    public const string Test = "test";
    public const string Analysis = "analysis";
}
