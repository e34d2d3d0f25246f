using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Json.Schema;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The manifest's JSON Schema (schemas/manifest/v2.json) against both sides of the contract: the manifest the
/// compiler emitted for Banking, and the runner's types, so that schema, emitter and runner cannot drift apart.
/// </summary>
public sealed partial class ManifestSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Repository.Root, "schemas", "manifest", "v2.json");

    /// <summary>Built once: JsonSchema.Net registers a schema by its $id, and a second build of the same id is refused.</summary>
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    private static string BankingManifest => File.ReadAllText(Path.Combine(Repository.BankingWarehouse, ManifestLoader.FileName));

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Variable();

    [Fact]
    public void The_banking_manifest_is_valid()
    {
        Assert.Empty(Errors(BankingManifest));
        Assert.Equal(WarehouseManifest.SupportedFormat, JsonNode.Parse(File.ReadAllText(SchemaPath))!["properties"]!["format"]!["const"]!.GetValue<string>());
    }

    /// <summary>The other model shapes carry what Banking does not: a role-playing reference's references_on, comma-delimited sources.</summary>
    [Theory]
    [InlineData("retail")]
    [InlineData("raw-files")]
    public void The_manifests_of_the_other_model_shapes_are_valid(string model)
    {
        using var warehouse = new SyntheticModelWarehouse(model == "retail" ? Models.RetailModel.Sources : Models.RawFilesModel.Sources);

        string manifest = File.ReadAllText(Path.Combine(warehouse.Artifacts, ManifestLoader.FileName));

        Assert.Empty(Errors(manifest));
        if (model == "retail")
            Assert.Contains("\"references_on\":\"ship_date_id\"", manifest.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a column type as a string", "/nodes/2/columns/0/type")]
    [InlineData("a field the schema does not describe", "/extra")]
    [InlineData("a VARCHAR without its length", "/nodes/2/columns/2/type")]
    public void The_schema_rejects_a_manifest_that_breaks_the_contract(string change, string location)
    {
        var manifest = JsonNode.Parse(BankingManifest)!.AsObject();
        var column = manifest["nodes"]![2]!["columns"]!;
        switch (change)
        {
            case "a column type as a string":
                column[0]!["type"] = "BIGINT";
                break;
            case "a field the schema does not describe":
                manifest["extra"] = true;
                break;
            default:
                Assert.Equal("VARCHAR", column[2]!["type"]!["name"]!.GetValue<string>());
                column[2]!["type"]!.AsObject().Remove("length");
                break;
        }

        var errors = Errors(manifest.ToJsonString());
        Assert.True(errors.Any(e => e.StartsWith(location + ":", StringComparison.Ordinal)), $"{change}: no error at '{location}' in\n{string.Join('\n', errors)}");
    }

    /// <summary>
    /// Every property the runner reads is described by the schema with a compatible type, and every one it cannot do
    /// without (not nullable, no default) is required there: System.Text.Json's schema of the runner's types, walked
    /// beside the file.
    /// </summary>
    [Fact]
    public void The_runner_reads_only_what_the_schema_describes()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default) { RespectNullableAnnotations = true };
        var runner = options.GetJsonSchemaAsNode(typeof(WarehouseManifest));
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var problems = new List<string>();

        Compare(runner, schema, schema, "manifest", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void The_drift_check_finds_a_property_the_schema_lacks()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        schema["$defs"]!["column_type"]!["properties"]!.AsObject().Remove("length");
        var problems = new List<string>();

        Compare(JsonSerializerOptions.Default.GetJsonSchemaAsNode(typeof(WarehouseManifest)), schema, schema, "manifest", problems);

        Assert.Contains("manifest.nodes[].columns[].type.length: read by the runner, not in the schema", problems);
    }

    /// <summary>The names the manifest gives are the ones the artifacts use, recomputed here from the files.</summary>
    [Fact]
    public void The_banking_manifest_names_what_its_artifacts_use()
    {
        var manifest = ManifestLoader.Load(new FolderArtifactSource(Repository.BankingWarehouse));
        string Read(string path) => File.ReadAllText(Path.Combine(Repository.BankingWarehouse, path));
        static string Quoted(string qualified) => string.Join('.', qualified.Split('.').Select(p => $"\"{p}\""));

        foreach (var dialect in manifest.Dialects)
        {
            var files = Directory.GetFiles(Path.Combine(Repository.BankingWarehouse, dialect), "*.sql", SearchOption.AllDirectories);
            var used = files.SelectMany(f => Variable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(used, manifest.Variables[dialect]);
            Assert.Contains($"CREATE TABLE IF NOT EXISTS {Quoted(manifest.Bookkeeping.ProcessedFiles)}", Read(manifest.Setup[dialect]), StringComparison.Ordinal);
        }

        Assert.Contains($"CREATE TABLE IF NOT EXISTS {Quoted(manifest.Bookkeeping.LoadedFiles)}", Read(manifest.Setup["postgres"]), StringComparison.Ordinal);
        Assert.All(manifest.Sources, source =>
            Assert.Contains($"\"{manifest.Bookkeeping.SourceFileColumn}\"", Read(source.Sql!["postgres"]), StringComparison.Ordinal));
        Assert.All(manifest.Nodes.Where(n => n.HasRelation), node =>
            Assert.Equal(node.Layer == "gold" && node.Kind is "dimension" or "fact" or "sql_model", node.IsPublished));

        var template = JsonNode.Parse(Read(manifest.Aws.Template))!;
        var aws = JsonSerializer.SerializeToNode(manifest.Aws)!;
        Assert.All(aws["outputs"]!.AsObject(), o => Assert.NotNull(template["Outputs"]![o.Value!.GetValue<string>()]));
        Assert.All(aws["resources"]!.AsObject(), r => Assert.NotNull(template["Resources"]![r.Value!.GetValue<string>()]));
        Assert.All(aws["parameters"]!.AsObject(), p => Assert.NotNull(template["Parameters"]![p.Value!.GetValue<string>()]));
        Assert.All(manifest.Aws.Variables, v =>
        {
            Assert.Contains(v.Key, manifest.Variables["redshift"]);
            Assert.NotNull(template["Outputs"]![v.Value]);
        });
    }

    /// <summary>The schema's errors for a manifest, as "instance location: message".</summary>
    private static List<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return results.Details!.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    /// <summary>Walks the runner's schema beside the file's, collecting where they disagree.</summary>
    private static void Compare(JsonNode? runner, JsonNode? schema, JsonNode root, string path, List<string> problems)
    {
        schema = Resolve(schema, root);
        if (runner is not JsonObject reads || schema is not JsonObject described)
            return;
        // Null is the runner's way of saying "absent": nullability is checked against "required" below.
        var runnerTypes = Types(reads).Where(t => t != "null").ToList();
        var schemaTypes = Types(described);
        if (schemaTypes.Count > 0 && runnerTypes.Any(t => !schemaTypes.Contains(t) && !(t == "number" && schemaTypes.Contains("integer"))))
            problems.Add($"{path}: the runner reads {string.Join("|", runnerTypes)}, the schema says {string.Join("|", schemaTypes)}");

        if (reads["properties"] is JsonObject properties)
        {
            var required = (described["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? new HashSet<string>();
            foreach (var (name, property) in properties)
            {
                if (described["properties"]?[name] is not { } counterpart)
                {
                    problems.Add($"{path}.{name}: read by the runner, not in the schema");
                    continue;
                }

                if (property is JsonObject p && !Types(p).Contains("null") && p["default"] is null && !required.Contains(name))
                    problems.Add($"{path}.{name}: the runner needs it, the schema does not require it");
                Compare(property, counterpart, root, $"{path}.{name}", problems);
            }
        }

        if (reads["items"] is { } items)
            Compare(items, described["items"], root, path + "[]", problems);
        if (reads["additionalProperties"] is JsonObject values)
            Compare(values, described["additionalProperties"], root, path + "{}", problems);
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode root)
    {
        while (schema?["$ref"]?.GetValue<string>() is { } reference)
            schema = root["$defs"]![reference["#/$defs/".Length..]];
        return schema;
    }

    /// <summary>The JSON types a schema allows: its <c>type</c>, or the kinds of its <c>const</c> or <c>enum</c> values.</summary>
    private static HashSet<string> Types(JsonObject schema)
    {
        if (schema["type"] is JsonValue one)
            return [one.GetValue<string>()];
        if (schema["type"] is JsonArray many)
            return many.Select(t => t!.GetValue<string>()).ToHashSet();
        List<JsonNode?> values = schema["const"] is { } constant ? [constant] : (schema["enum"] as JsonArray)?.ToList() ?? [];
        return values.Select(v => v?.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "integer",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        }).ToHashSet();
    }
}
