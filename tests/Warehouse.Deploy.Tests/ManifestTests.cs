using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

public sealed class ManifestTests
{
    private static string Manifest(string nodes) =>
        $$"""{ "format": "warehouse-manifest/1", "project": "P", "dialects": ["duckdb"], "setup": {"duckdb": "duckdb/_setup.sql"}, "variables": [], "nodes": [{{nodes}}] }""";

    private static string Node(string id, params string[] dependsOn) =>
        $$"""{ "id": "{{id}}", "kind": "staging", "schema": "s", "name": "{{id}}", "materialization": "table", "depends_on": [{{string.Join(",", dependsOn.Select(d => $"\"{d}\""))}}] }""";

    [Fact]
    public void Orders_nodes_by_dependencies_then_id()
    {
        var manifest = ManifestLoader.Parse(Manifest(string.Join(",", Node("c", "b"), Node("b", "a"), Node("a"), Node("d"))), "m");

        var order = DependencyOrder.Sort(manifest.Nodes).Select(n => n.Id);

        Assert.Equal(["a", "b", "c", "d"], order);
    }

    [Fact]
    public void Every_silver_node_runs_before_the_first_gold_node()
    {
        // gold.* sorts before silver.* by id; by layer silver comes first, so the gold publish transaction holds gold only.
        static string Layered(string id, string layer, params string[] dependsOn) =>
            Node(id, dependsOn).Replace("\"kind\"", $"\"layer\": \"{layer}\", \"kind\"", StringComparison.Ordinal);
        var manifest = ManifestLoader.Parse(Manifest(string.Join(",",
            Layered("bronze.a", "bronze"), Layered("bronze.b", "bronze"),
            Layered("silver.a", "silver", "bronze.a"), Layered("silver.b", "silver", "bronze.b"),
            Layered("gold.a", "gold", "silver.a"), Layered("gold.b", "gold", "silver.b"), Layered("test.x", "gold", "gold.a"))), "m");

        var order = DependencyOrder.Sort(manifest.Nodes).Select(n => n.Id);

        Assert.Equal(["bronze.a", "bronze.b", "silver.a", "silver.b", "gold.a", "gold.b", "test.x"], order);
    }

    [Fact]
    public void Cycle_is_an_error_naming_the_nodes()
    {
        var manifest = ManifestLoader.Parse(Manifest(string.Join(",", Node("a", "b"), Node("b", "a"), Node("c"))), "m");

        var e = Assert.Throws<WarehouseException>(() => DependencyOrder.Sort(manifest.Nodes));

        Assert.Equal("manifest: dependency cycle among a, b", e.Message);
    }

    [Theory]
    [InlineData("""{ "format": "warehouse-manifest/2", "project": "P", "dialects": [], "setup": {}, "variables": [], "nodes": [] }""", "format 'warehouse-manifest/2' is not supported")]
    [InlineData("{ not json", "invalid JSON")]
    public void Rejects_bad_manifests(string json, string expected)
    {
        var e = Assert.Throws<WarehouseException>(() => ManifestLoader.Parse(json, "m"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_dependency_is_an_error()
    {
        var e = Assert.Throws<WarehouseException>(() => ManifestLoader.Parse(Manifest(Node("a", "ghost")), "m"));

        Assert.Equal("m: node 'a' depends on unknown node 'ghost'", e.Message);
    }

    [Fact]
    public void Reads_artifacts_from_memory()
    {
        var source = new InMemoryArtifactSource(new Dictionary<string, string> { ["manifest.json"] = Manifest(Node("a")) });

        Assert.Equal("P", ManifestLoader.Load(source).Project);
        Assert.Null(source.TryRead("duckdb/_setup.sql"));
    }
}
