using System.Text.Json.Serialization;

namespace Warehouse.Deploy.Manifest;

/// <summary>The typed form of <c>manifest.json</c> (format <c>warehouse-manifest/1</c>, see docs/manifest.md).</summary>
public sealed record WarehouseManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("dialects")] IReadOnlyList<string> Dialects,
    [property: JsonPropertyName("setup")] IReadOnlyDictionary<string, string> Setup,
    [property: JsonPropertyName("variables")] IReadOnlyList<string> Variables,
    [property: JsonPropertyName("nodes")] IReadOnlyList<ManifestNode> Nodes)
{
    public const string SupportedFormat = "warehouse-manifest/1";

    public IEnumerable<ManifestNode> Tests => Nodes.Where(n => n.Kind == NodeKinds.Test);

    public IEnumerable<ManifestNode> Analyses => Nodes.Where(n => n.Kind == NodeKinds.Analysis);

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
    [property: JsonPropertyName("checksum")] string? Checksum)
{
    public IReadOnlyList<ManifestColumn> ColumnList => Columns ?? [];

    public IReadOnlyList<string> Dependencies => DependsOn ?? [];

    /// <summary>Gold models and tests share one transaction so a failure keeps the published gold.</summary>
    public bool IsGold => string.Equals(Layer, "gold", StringComparison.Ordinal);

    public bool IsErrorSeverity => !string.Equals(Severity, "warn", StringComparison.Ordinal);

    /// <summary>Whether the node leaves a relation in the target (what <c>plan</c> compares).</summary>
    public bool HasRelation => Kind is not (NodeKinds.Test or NodeKinds.Analysis);
}

public sealed record ManifestColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("nullable")] bool Nullable = true,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("role")] string? Role = null,
    [property: JsonPropertyName("references")] string? References = null);

public sealed record SourceSpec(
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("file_pattern")] string FilePattern,
    [property: JsonPropertyName("delimiter")] string Delimiter = "|",
    [property: JsonPropertyName("header")] bool Header = true);

public static class NodeKinds
{
    public const string Source = "source";
    public const string Test = "test";
    public const string Analysis = "analysis";
}
