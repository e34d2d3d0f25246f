using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

public sealed class ManifestTests
{
    private static string Manifest(string nodes) =>
        $$"""{ "format": "warehouse-manifest/2", "project": "P", "dialects": ["duckdb"], "setup": {"duckdb": "duckdb/_setup.sql"}, "variables": {"duckdb": []}, {{TestManifests.Members}}, "nodes": [{{nodes}}] }""";

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
    [InlineData("""{ "format": "warehouse-manifest/1", "project": "P", "dialects": [], "setup": {}, "variables": [], "nodes": [] }""",
        "format 'warehouse-manifest/1' is not supported (expected 'warehouse-manifest/2'): rebuild the model project")]
    [InlineData("""{ "format": "warehouse-manifest/2", "project": "P", "dialects": [], "setup": {}, "variables": {}, "nodes": [] }""",
        "'project', 'setup', 'variables', 'bookkeeping', 'aws' and 'nodes' are required")]
    [InlineData("{ not json", "invalid JSON")]
    public void Rejects_bad_manifests(string json, string expected)
    {
        var e = Assert.Throws<WarehouseException>(() => ManifestLoader.Parse(json, "m"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_without_a_type_is_an_error()
    {
        string untyped = Node("a").Replace("\"depends_on\"", "\"columns\": [{ \"name\": \"id\" }], \"depends_on\"", StringComparison.Ordinal);

        var e = Assert.Throws<WarehouseException>(() => ManifestLoader.Parse(Manifest(untyped), "m"));

        Assert.Equal("m: column 'id' of node 'a' has no 'type'", e.Message);
    }

    [Fact]
    public void A_variable_the_runner_does_not_supply_stops_the_run_before_any_file_is_read()
    {
        var manifest = ManifestLoader.Parse(Manifest(Node("a")).Replace("\"duckdb\": []", "\"duckdb\": [\"batch_at\", \"tenant\"]", StringComparison.Ordinal), "m");
        var variables = new Dictionary<string, string> { ["batch_at"] = "2024-01-01 00:00:00", ["lake_root"] = "/lake" };

        var e = Assert.Throws<WarehouseException>(() => new WarehouseScripts(manifest, new InMemoryArtifactSource(new Dictionary<string, string>()), "duckdb", variables));

        Assert.Equal("manifest: the duckdb scripts use {{tenant}}, which this runner does not supply (it supplies batch_at, lake_root, processed_files)", e.Message);
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
