using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.CloudFormation;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// Writes <c>manifest.json</c>, the contract between the compiler and the runner (docs/manifest.md). Its JSON Schema
/// is <c>schemas/manifest/v2.json</c>; tests validate the Banking manifest and the runner's types against it, so a
/// field added here must be added there (and read by the runner) in the same change.
/// </summary>
internal static class ManifestEmitter
{
    /// <summary>Bump it (and add a schema file beside the last one) when a field changes meaning or is removed.</summary>
    public const string Format = "warehouse-manifest/2";

    /// <summary>The publish group of gold models: the runner commits them and every test in one transaction.</summary>
    public const string GoldPublishGroup = "gold";

    private static readonly Regex Variable = new(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant);

    /// <summary>
    /// The manifest from every node's <see cref="Entries"/> and the <c>{{variables}}</c> of every artifact
    /// (<see cref="Variables"/>), so nothing per node is written or hashed here.
    /// </summary>
    public static Artifact Emit(string project, IReadOnlyCollection<ManifestEntry> entries, IEnumerable<VariableUse> variables)
    {
        // Each entry also takes a separator and an indent; the header is small.
        var json = new JsonWriter(capacity: entries.Sum(e => e.Json.Length + 8) + 4096).StartObject()
            .String("format", Format)
            .String("project", project)
            .Strings("dialects", SqlDialect.All.Select(d => d.Name));
        json.StartObject("setup");
        foreach (var dialect in SqlDialect.All)
        {
            json.String(dialect.Name, $"{dialect.Name}/_setup.sql");
        }

        json.EndObject();
        // Per dialect: the {{names}} its scripts use, so the runner can check before a run that it supplies each one.
        var byDialect = variables.ToLookup(v => v.Dialect, v => v.Name, StringComparer.Ordinal);
        json.StartObject("variables");
        foreach (var dialect in SqlDialect.All)
        {
            json.Strings(dialect.Name, byDialect[dialect.Name].Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));
        }

        json.EndObject();
        WriteBookkeeping(json);
        WriteAws(json);

        json.StartArray("nodes");
        foreach (var entry in entries.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            json.RawValue(entry.Json);
        }

        json.EndArray().EndObject();
        return new Artifact("manifest.json", json.ToString());
    }

    /// <summary>
    /// The manifest's entries for one node: the node and each of its tests, with the checksums of their spec and
    /// SQL. <paramref name="artifacts"/> are the node's own rendered files, which hold all of its SQL.
    /// </summary>
    public static EquatableArray<ManifestEntry> Entries(NodeSpec node, IReadOnlyList<Artifact> artifacts)
    {
        var contents = artifacts.ToDictionary(a => a.Path, a => a.Content, StringComparer.Ordinal);
        var entries = new List<ManifestEntry>();
        entries.Add(new ManifestEntry(IdOf(node), Fragment(json => WriteNode(json, node, contents))));
        foreach (var test in node.Tests)
        {
            entries.Add(new ManifestEntry("test." + test.Name, Fragment(json => WriteTest(json, node, test, contents))));
        }

        return entries.ToEquatableArray();
    }

    /// <summary>
    /// The node's id in the manifest and the runner: a singular test is <c>test.name</c>, like the generic tests.
    /// (A method, not a <see cref="NodeSpec"/> property: the spec's text is part of its checksum.)
    /// </summary>
    public static string IdOf(NodeSpec node) => node.Kind == NodeKind.SingularTest ? "test." + node.Name : node.Id;

    /// <summary>
    /// The distinct <c>{{variable}}</c> names the dialects' artifacts use (their path starts with the dialect's
    /// folder), by dialect and name. Other artifacts (dbt) have no runner variables.
    /// </summary>
    public static EquatableArray<VariableUse> Variables(IEnumerable<Artifact> artifacts) =>
        artifacts.SelectMany(a => SqlDialect.All.FirstOrDefault(d => a.Path.StartsWith(d.Name + "/", StringComparison.Ordinal)) is { } dialect
                ? Variable.Matches(a.Content).Cast<Match>().Select(m => new VariableUse(dialect.Name, m.Groups[1].Value))
                : Enumerable.Empty<VariableUse>())
            .Distinct()
            .OrderBy(v => v.Dialect, StringComparer.Ordinal)
            .ThenBy(v => v.Name, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>
    /// The gold models (tables and views) form the publish group: the runner opens one transaction at the first of
    /// them and commits it with the tests, so a failed model or test keeps the published gold. Null for the others.
    /// </summary>
    public static string? PublishGroup(NodeSpec node) =>
        node.Layer == LayerKind.Gold && node.Kind is NodeKind.Dimension or NodeKind.Fact or NodeKind.SqlModel ? GoldPublishGroup : null;

    /// <summary>The bookkeeping tables and columns (<see cref="Bookkeeping"/>), so the runner keeps no copy of their names.</summary>
    private static void WriteBookkeeping(JsonWriter json) =>
        json.StartObject("bookkeeping")
            .String("schema", Bookkeeping.Schema)
            .String("processed_files", Bookkeeping.ProcessedFiles.Id)
            .String("loaded_files", Bookkeeping.LoadedFiles.Id)
            .String("run_history", Bookkeeping.RunHistory.Id)
            .String("rejected_rows", Bookkeeping.RejectedRows.Id)
            .String("node_state", Bookkeeping.NodeState.Id)
            .String("source_file_column", Bookkeeping.SourceFile)
            .String("source_row_column", Bookkeeping.SourceRow)
            .Strings("columns", Bookkeeping.Columns)
            .EndObject();

    /// <summary>
    /// What <c>deploy --target aws</c> reads from the stack: the template, the output keys, the logical ids and
    /// parameters it falls back on where an emulator computes no output, and which output fills each Redshift
    /// variable. They are the CloudFormation emitter's own constants, so the runner never guesses at the template.
    /// </summary>
    private static void WriteAws(JsonWriter json)
    {
        json.StartObject("aws").String("template", CloudFormationEmitter.Path);
        json.StartObject("outputs")
            .String("lake_bucket", Outputs.LakeBucketName)
            .String("glue_database", Outputs.GlueDatabaseName)
            .String("crawler", Outputs.CrawlerName)
            .String("cluster_address", Outputs.ClusterEndpointAddress)
            .String("cluster_port", Outputs.ClusterEndpointPort)
            .String("redshift_role_arn", Outputs.RedshiftRoleArn)
            .String("master_user_secret_arn", Outputs.MasterUserSecretArn)
            .EndObject();
        json.StartObject("resources")
            .String("lake_bucket", LogicalIds.LakeBucket)
            .String("crawler", LogicalIds.Crawler)
            .EndObject();
        json.StartObject("parameters")
            .String("catalog_database", Parameters.CatalogDatabaseName)
            .String("cluster_database", Parameters.DatabaseName)
            .String("master_username", Parameters.MasterUsername)
            .EndObject();
        json.StartObject("variables")
            .String("glue_database", Outputs.GlueDatabaseName)
            .String("redshift_iam_role", Outputs.RedshiftRoleArn)
            .EndObject();
        json.EndObject();
    }

    /// <summary>An element of the manifest's <c>nodes</c> array (depth 2), written alone.</summary>
    private static string Fragment(Action<JsonWriter> write)
    {
        var json = JsonWriter.Fragment(depth: 2);
        write(json);
        return json.ToFragment();
    }

    private static void WriteNode(JsonWriter json, NodeSpec node, Dictionary<string, string> contents)
    {
        json.StartObject()
            .String("id", IdOf(node))
            .String("kind", KindName(node.Kind))
            .String("layer", node.Layer.ToString().ToLowerInvariant())
            .String("schema", node.Schema)
            .String("name", node.Name)
            .String("type", node.TypeName)
            .String("description", node.Description)
            .String("materialization", Materialization(node));
        json.StartArray("columns");
        foreach (var column in node.Columns)
        {
            json.StartObject()
                .String("name", column.Name);
            WriteType(json, column.Type);
            json.Bool("nullable", column.Nullable)
                .String("description", column.Description)
                .String("role", RoleName(column.Role));
            if (column.History) json.Bool("history", true);
            json.String("additivity", column.Additivity)
                .String("references", column.Lookup?.Dimension.Id)
                // A role-playing reference ([References(On = ...)]: order date and ship date on one calendar) looks up
                // another upstream column than the business key's name; only then is it written, so that readers that
                // pair the two by name (the runner's data generator) learn which column holds the key.
                .String("references_on", column.Lookup is { } lookup && lookup.FactColumn != lookup.BusinessKey ? lookup.FactColumn : null);
            WriteOrigins(json, "reads", column.Reads);
            WriteOrigins(json, "lineage", column.Lineage);
            json.EndObject();
        }

        json.EndArray();
        if (node.Format is { } format)
        {
            json.StartObject("source")
                .String("prefix", format.Prefix)
                .String("file_pattern", format.FilePattern)
                .String("delimiter", format.Delimiter.ToString())
                .Bool("header", format.Header)
                .EndObject();
        }

        if (node.Kind == NodeKind.Staging)
        {
            json.String("key", node.Key)
                .String("quarantine", node.Id + "__quarantine");
        }

        if (node.Kind is NodeKind.Staging or NodeKind.Fact)
        {
            json.String("incremental", IncrementalName(node.Incremental));
        }

        if (node.Kind == NodeKind.Dimension)
        {
            json.Number("scd", node.Scd);
            if (node.DateColumn is not null) json.String("date_column", node.DateColumn);
            json.StartArray("hierarchies");
            foreach (var hierarchy in node.Hierarchies)
            {
                json.StartObject().String("name", hierarchy.Name).Strings("levels", hierarchy.Levels).EndObject();
            }

            json.EndArray();
        }

        if (node.Grain is { } grain)
        {
            json.StartObject("grain").String("description", grain.Description).Strings("columns", grain.Columns).EndObject();
        }

        if (node.Kind == NodeKind.SingularTest)
        {
            json.String("severity", node.WarnOnly ? "warn" : "error");
        }

        json.String("publish_group", PublishGroup(node))
            .Strings("depends_on", node.DependsOn);
        if (node.Tags.Count > 0) json.Strings("tags", node.Tags);
        if (node.Tests.Count > 0) json.Strings("tests", node.Tests.Select(t => "test." + t.Name));
        WriteSql(json, dialect => SqlEmitter.PathOf(dialect, node), contents, NodeSpecCodec.Encode(node), SourceSettings(node));
        json.EndObject();
    }

    /// <summary>A column's lineage (<c>Resolution/ColumnLineage.cs</c>): an array of node and column pairs, omitted when empty.</summary>
    private static void WriteOrigins(JsonWriter json, string name, EquatableArray<ColumnOrigin> origins)
    {
        if (origins.Count == 0) return;
        json.StartArray(name);
        foreach (var origin in origins)
        {
            json.StartObject().String("node", origin.Node).String("column", origin.Column).EndObject();
        }

        json.EndArray();
    }

    /// <summary>
    /// What a source's data depends on beyond its SQL: where the runner finds and how it reads the lake files (a bulk
    /// loader reads the delimiter from the manifest, not from a script). Empty for the other nodes.
    /// </summary>
    private static string SourceSettings(NodeSpec node) =>
        node.Format is { } format ? $"{format.Prefix}\n{format.FilePattern}\n{format.Delimiter}\n{format.Header}" : string.Empty;

    private static void WriteTest(JsonWriter json, NodeSpec node, TestSpec test, Dictionary<string, string> contents)
    {
        var dependsOn = new SortedSet<string>(StringComparer.Ordinal) { node.Id };
        if (test.Related is not null) dependsOn.Add(test.Related.Id);
        json.StartObject()
            .String("id", "test." + test.Name)
            .String("kind", "test")
            .String("layer", node.Layer.ToString().ToLowerInvariant())
            .String("schema", "test")
            .String("name", test.Name)
            .String("materialization", "test")
            .String("test_type", test.Kind.Name())
            .Strings("test_columns", test.Columns);
        // What the test accepts, so that a model-driven data generator can satisfy it without reading the SQL.
        if (test.Values.Count > 0) json.Strings("test_values", test.Values);
        json.String("test_min", test.Min)
            .String("test_max", test.Max)
            .String("severity", test.WarnOnly ? "warn" : "error")
            .String("attached_to", node.Id)
            .Strings("depends_on", dependsOn);
        WriteSql(json, dialect => SqlEmitter.TestPathOf(dialect, test), contents, NodeSpecCodec.Encode(test), string.Empty);
        json.EndObject();
    }

    /// <summary>A column's type as its parts, so the runner compares lengths and precisions without parsing a spelling.</summary>
    private static void WriteType(JsonWriter json, SqlType type)
    {
        json.StartObject("type").String("name", type.Kind.ToString().ToUpperInvariant());
        switch (type.Kind)
        {
            case SqlTypeKind.Varchar:
                json.Number("length", type.Length);
                break;
            case SqlTypeKind.Decimal:
                json.Number("precision", type.Precision).Number("scale", type.Scale);
                break;
        }

        json.EndObject();
    }

    /// <summary>
    /// The SQL paths and two checksums. <c>checksum</c>: SHA-256 over the canonical spec text (<see cref="NodeSpecCodec"/>,
    /// which writes every field, each column's included) and every dialect's SQL, so any change to the node changes it.
    /// <c>logic_checksum</c>: SHA-256 over what computes the node's data only, every dialect's SQL without its comment
    /// lines (they carry the descriptions) and a source's <paramref name="settings"/>; descriptions, tests, tags and
    /// column roles leave it as it is. The runner's plan tells a logic change (rebuild) from a metadata one by the two.
    /// </summary>
    private static void WriteSql(JsonWriter json, Func<SqlDialect, string> path, Dictionary<string, string> contents, string spec, string settings)
    {
        var hashed = new StringBuilder(spec);
        var logic = new StringBuilder(settings);
        json.StartObject("sql");
        foreach (var dialect in SqlDialect.All)
        {
            var file = path(dialect);
            json.String(dialect.Name, file);
            string content = contents.TryGetValue(file, out var text) ? text : string.Empty;
            hashed.Append('\n').Append(file).Append('\n').Append(content);
            logic.Append('\n').Append(file).Append('\n').Append(WithoutCommentLines(content));
        }

        json.EndObject().String("checksum", Sha256(hashed.ToString())).String("logic_checksum", Sha256(logic.ToString()));
    }

    /// <summary>The script without its whole-line <c>--</c> comments: the emitters write descriptions only there.</summary>
    private static string WithoutCommentLines(string script) =>
        string.Join("\n", script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    private static string Sha256(string text) => Hashing.Sha256Hex(text);

    public static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.SqlModel => "sql_model",
        NodeKind.SingularTest => "test",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Materialization(NodeSpec node) => node.Kind switch
    {
        NodeKind.Source => "source",
        NodeKind.Staging or NodeKind.Dimension or NodeKind.Fact => node.Incremental == Incremental.FullRefresh ? "table" : "incremental",
        NodeKind.SqlModel => node.MaterializeAsTable ? "table" : "view",
        NodeKind.Analysis => "analysis",
        _ => "test",
    };

    public static string IncrementalName(Incremental incremental) => incremental switch
    {
        Incremental.FullRefresh => "full_refresh",
        Incremental.Append => "append",
        Incremental.DeleteInsert => "delete_insert",
        _ => "merge",
    };

    public static string RoleName(ColumnRole role) => role switch
    {
        ColumnRole.SurrogateKey => "surrogate_key",
        ColumnRole.BusinessKey => "business_key",
        ColumnRole.DegenerateKey => "degenerate_key",
        ColumnRole.Reference => "reference",
        ColumnRole.Measure => "measure",
        _ => "attribute",
    };
}

/// <summary>One element of the manifest's <c>nodes</c> array: its id (the sort key) and its JSON.</summary>
internal sealed record ManifestEntry(string Id, string Json);

/// <summary>A <c>{{name}}</c> that a dialect's scripts use.</summary>
internal sealed record VariableUse(string Dialect, string Name);
