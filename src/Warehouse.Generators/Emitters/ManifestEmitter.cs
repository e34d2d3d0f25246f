using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters;

/// <summary>Writes <c>manifest.json</c>, the contract between the compiler and the runner (docs/manifest.md).</summary>
internal static class ManifestEmitter
{
    public const string Format = "warehouse-manifest/1";

    private static readonly Regex Variable = new(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant);

    /// <summary>
    /// The manifest from every node's <see cref="Entries"/> and the <c>{{variables}}</c> of every artifact
    /// (<see cref="Variables"/>), so nothing per node is written or hashed here.
    /// </summary>
    public static Artifact Emit(string project, IReadOnlyCollection<ManifestEntry> entries, IEnumerable<string> variables)
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

        json.EndObject()
            .Strings("variables", variables.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));

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

    /// <summary>The distinct <c>{{variable}}</c> names the artifacts use, in order.</summary>
    public static EquatableArray<string> Variables(IEnumerable<Artifact> artifacts) =>
        artifacts.SelectMany(a => Variable.Matches(a.Content).Cast<Match>().Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToEquatableArray();

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
                .String("name", column.Name)
                .String("type", column.Type.ToString())
                .Bool("nullable", column.Nullable)
                .String("description", column.Description)
                .String("role", RoleName(column.Role));
            if (column.History) json.Bool("history", true);
            json.String("additivity", column.Additivity)
                .String("references", column.Lookup?.Dimension.Id);
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

        json.Strings("depends_on", node.DependsOn);
        if (node.Tests.Count > 0) json.Strings("tests", node.Tests.Select(t => "test." + t.Name));
        WriteSql(json, dialect => SqlEmitter.PathOf(dialect, node), contents, node.ToString());
        json.EndObject();
    }

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
            .Strings("test_columns", test.Columns)
            .String("severity", test.WarnOnly ? "warn" : "error")
            .String("attached_to", node.Id)
            .Strings("depends_on", dependsOn);
        WriteSql(json, dialect => SqlEmitter.TestPathOf(dialect, test), contents, test.ToString());
        json.EndObject();
    }

    private static void WriteSql(JsonWriter json, Func<SqlDialect, string> path, Dictionary<string, string> contents, string spec)
    {
        var hashed = new StringBuilder(spec);
        json.StartObject("sql");
        foreach (var dialect in SqlDialect.All)
        {
            var file = path(dialect);
            json.String(dialect.Name, file);
            hashed.Append('\n').Append(file).Append('\n').Append(contents.TryGetValue(file, out var content) ? content : string.Empty);
        }

        json.EndObject().String("checksum", Sha256(hashed.ToString()));
    }

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
