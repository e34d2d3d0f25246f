using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>A column as the catalog reported it when its node was deployed (<see cref="SqlTypes.Describe"/>).</summary>
public sealed record PhysicalColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type);

/// <summary>
/// What a node was built with, as its deploy recorded it: the manifest's checksums, the node's manifest columns,
/// tests and description, the relation's columns as the catalog had them, its script (for <c>plan --diff</c>), what
/// identifies its rows, and a source's lake settings.
/// </summary>
public sealed record RecordedNode(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("checksum")] string Checksum,
    [property: JsonPropertyName("logic_checksum")] string LogicChecksum,
    [property: JsonPropertyName("published")] bool Published,
    [property: JsonPropertyName("scd")] int? Scd,
    [property: JsonPropertyName("quarantine")] string? Quarantine,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("columns")] IReadOnlyList<ManifestColumn> Columns,
    [property: JsonPropertyName("tests")] IReadOnlyList<string> Tests,
    [property: JsonPropertyName("physical")] IReadOnlyList<PhysicalColumn> Physical,
    [property: JsonPropertyName("script")] string? Script,
    [property: JsonPropertyName("identity")] string? Identity = null,
    [property: JsonPropertyName("source")] SourceSpec? Source = null)
{
    /// <summary>A manifest without <c>logic_checksum</c> counts every change as one of logic.</summary>
    public static RecordedNode Of(ManifestNode node, IReadOnlyList<string> tests, IReadOnlyList<PhysicalColumn> physical, string? script) =>
        new(node.Id, node.Kind, node.Checksum ?? "", node.LogicChecksum ?? node.Checksum ?? "", node.IsPublished, node.Scd, node.Quarantine,
            node.Description, node.ColumnList, tests, physical, script, IdentityOf(node), node.Source);

    /// <summary>
    /// What identifies a row of the node: a staging key, a fact's grain, a dimension's business key. A change of it
    /// changes which rows there are, whatever the script's lines say.
    /// </summary>
    private static string? IdentityOf(ManifestNode node) =>
        node.Key ?? (node.Grain is { } grain ? string.Join(", ", grain.Columns) : null)
        ?? (node.ColumnList.Where(c => c.Role == "business_key").Select(c => c.Name).ToList() is { Count: > 0 } keys ? string.Join(", ", keys) : null);

    /// <summary>Whether the relation holds history that exists nowhere else: a type-2 dimension's closed versions.</summary>
    [JsonIgnore]
    public bool KeepsHistory => Scd == 2;
}

/// <summary>
/// The recorded state of the deployed nodes: one row per node in the table the manifest names
/// (<see cref="ManifestBookkeeping.NodeState"/>), written by the run in the node's own transaction (the publish
/// transaction for gold), so the record and the data are committed, or rolled back, together. <c>plan</c> compares
/// the compiled model with it. The runner creates the table, as it does the run history.
/// </summary>
public static class NodeState
{
    /// <summary>The longest text a row holds (Redshift's VARCHAR limit); a longer script is not kept (plan --diff says so).</summary>
    public const int MaxText = 65535;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Task EnsureAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
        engine.ExecuteAsync(
            $"CREATE SCHEMA IF NOT EXISTS {SqlLiteral.Identifier(bookkeeping.Schema)}; " +
            $"CREATE TABLE IF NOT EXISTS {SqlLiteral.QualifiedName(bookkeeping.NodeState)} (node VARCHAR(512) PRIMARY KEY, " +
            $"checksum VARCHAR(64) NOT NULL, logic_checksum VARCHAR(64) NOT NULL, recorded VARCHAR({MaxText}) NOT NULL, " +
            $"script VARCHAR({MaxText}), batch_at VARCHAR(32) NOT NULL)",
            null, cancellationToken);

    /// <summary>Every recorded node by id; empty when nothing was ever deployed with a record.</summary>
    public static async Task<IReadOnlyDictionary<string, RecordedNode>> ReadAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping,
        CancellationToken cancellationToken)
    {
        if (!await engine.RelationExistsAsync(bookkeeping.NodeState, null, cancellationToken))
            return new Dictionary<string, RecordedNode>(StringComparer.Ordinal);
        var rows = await engine.QueryAsync($"SELECT recorded, script FROM {SqlLiteral.QualifiedName(bookkeeping.NodeState)}",
            null, int.MaxValue, cancellationToken);
        return rows.Rows
            .Select(r => JsonSerializer.Deserialize<RecordedNode>(r[0], Json)! with { Script = r[1] == "NULL" ? null : r[1] })
            .ToDictionary(n => n.Node, StringComparer.Ordinal);
    }

    /// <summary>Replaces the node's row, in <paramref name="transaction"/>.</summary>
    public static async Task WriteAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, RecordedNode node, string batchAt,
        DbTransaction transaction, CancellationToken cancellationToken)
    {
        string recorded = JsonSerializer.Serialize(node with { Script = null }, Json);
        if (recorded.Length > MaxText)
            throw new WarehouseException(ExitCodes.BadInput, $"{node.Node}: its record is longer than {MaxText} characters (too many columns)");
        string? script = node.Script is { Length: <= MaxText } kept ? kept : null;
        await DeleteAsync(engine, bookkeeping, node.Node, transaction, cancellationToken);
        await engine.ExecuteAsync(
            $"INSERT INTO {SqlLiteral.QualifiedName(bookkeeping.NodeState)} VALUES ({SqlLiteral.String(node.Node)}, " +
            $"{SqlLiteral.String(node.Checksum)}, {SqlLiteral.String(node.LogicChecksum)}, {SqlLiteral.String(recorded)}, " +
            $"{SqlLiteral.String(script)}, {SqlLiteral.String(batchAt)})",
            transaction, cancellationToken);
    }

    public static Task DeleteAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, string node, DbTransaction transaction,
        CancellationToken cancellationToken) =>
        engine.ExecuteAsync($"DELETE FROM {SqlLiteral.QualifiedName(bookkeeping.NodeState)} WHERE node = {SqlLiteral.String(node)}",
            transaction, cancellationToken);
}
