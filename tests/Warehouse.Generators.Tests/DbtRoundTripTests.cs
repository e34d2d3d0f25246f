using System.Text.Json;
using Warehouse.Testing;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The dbt property files, read back with a YAML library, carry the manifest's descriptions and generic tests:
/// same test names, same severities, same model and column descriptions.
/// </summary>
public sealed class DbtRoundTripTests
{
    [Fact]
    public void Dbt_property_files_round_trip_the_manifests_descriptions_and_tests()
    {
        var warehouse = Repository.BankingWarehouse;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(warehouse, "manifest.json")));
        var nodes = manifest.RootElement.GetProperty("nodes").EnumerateArray().ToList();

        var dbtTests = new Dictionary<string, string>(StringComparer.Ordinal);
        var dbtModels = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(warehouse, "dbt", "models"), "*.yml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            Assert.Equal("2", ((YamlScalarNode)root["version"]).Value);
            // Sources and models are separate namespaces in dbt: bronze.dim_accounts and gold's dim_accounts coexist.
            var models = Sequence(root, "models").Select(m => (Key: Scalar(m, "name")!, Node: m))
                .Concat(Sequence(root, "sources").SelectMany(s => Sequence(s, "tables")).Select(t => (Key: "source:" + Scalar(t, "name"), Node: t)));
            foreach (var (key, model) in models)
            {
                dbtModels[key] = model;
                CollectTests(model, dbtTests);
                foreach (var column in Sequence(model, "columns")) CollectTests(column, dbtTests);
            }
        }

        var genericTests = nodes.Where(n => n.GetProperty("kind").GetString() == "test" && n.TryGetProperty("test_type", out _)).ToList();
        Assert.NotEmpty(genericTests);
        foreach (var test in genericTests)
        {
            var name = test.GetProperty("name").GetString()!;
            Assert.True(dbtTests.TryGetValue(name, out var severity), $"dbt has no test {name}");
            Assert.Equal(test.GetProperty("severity").GetString(), severity);
        }

        Assert.Equal(genericTests.Count, dbtTests.Count);

        foreach (var node in nodes.Where(n => n.GetProperty("kind").GetString() is "staging" or "dimension" or "fact" or "sql_model" or "source"))
        {
            var name = (node.GetProperty("kind").GetString() == "source" ? "source:" : string.Empty) + node.GetProperty("name").GetString();
            Assert.True(dbtModels.TryGetValue(name, out var model), $"dbt has no model or source table {name}");
            Assert.Equal(Description(node), Scalar(model, "description"));
            var columns = Sequence(model, "columns").ToDictionary(c => Scalar(c, "name")!, StringComparer.Ordinal);
            foreach (var column in node.GetProperty("columns").EnumerateArray())
            {
                var columnName = column.GetProperty("name").GetString()!;
                Assert.True(columns.TryGetValue(columnName, out var dbtColumn), $"{name}.{columnName} is missing in dbt");
                Assert.Equal(Description(column), Scalar(dbtColumn, "description"));
            }
        }
    }

    private static void CollectTests(YamlMappingNode owner, Dictionary<string, string> tests)
    {
        foreach (var entry in Sequence(owner, "data_tests"))
        {
            // Each entry is `- test_kind: { name: ..., config: { severity: warn } }`.
            var arguments = (YamlMappingNode)((YamlMappingNode)entry).Children.Single().Value;
            var config = arguments.Children.TryGetValue(new YamlScalarNode("config"), out var c) ? (YamlMappingNode)c : null;
            var severity = config is not null && config.Children.TryGetValue(new YamlScalarNode("severity"), out var s) ? ((YamlScalarNode)s).Value! : "error";
            tests[Scalar(arguments, "name")!] = severity;
        }
    }

    private static string? Description(JsonElement element) =>
        element.TryGetProperty("description", out var d) ? d.GetString() : null;

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static IEnumerable<YamlMappingNode> Sequence(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children.Cast<YamlMappingNode>()
            : Enumerable.Empty<YamlMappingNode>();
}
