using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Tests.Selection;

/// <summary>
/// The evaluator on a small DAG of no particular sample:
/// <code>
/// bronze.src_a ─► silver.stg_a ─► gold.dim_a ─┐
/// bronze.src_b ─► silver.stg_b ───────────────┴► gold.fact_b ─► gold.mart_b (tag finance) ─► analysis.report
/// </code>
/// with tests on dim_a, on fact_b (a relationship, also depending on dim_a) and on mart_b.
/// </summary>
public sealed class NodeSelectorTests
{
    private static readonly ManifestNode[] Nodes =
    [
        Model("bronze.src_a", "source", "bronze"),
        Model("bronze.src_b", "source", "bronze"),
        Model("silver.stg_a", "staging", "silver", ["bronze.src_a"], tags: ["daily"]),
        Model("silver.stg_b", "staging", "silver", ["bronze.src_b"], tags: ["daily"]),
        Model("gold.dim_a", "dimension", "gold", ["silver.stg_a"]),
        Model("gold.fact_b", "fact", "gold", ["silver.stg_b", "gold.dim_a"], tags: ["daily"]),
        Model("gold.mart_b", "mart", "gold", ["gold.fact_b"], tags: ["finance"]),
        Model("analysis.report", NodeKinds.Analysis, null, ["gold.mart_b"]),
        Test("test.unique_dim_a", "gold.dim_a"),
        Test("test.relationship_fact_b_dim_a", "gold.fact_b", "gold.dim_a"),
        Test("test.not_null_mart_b", "gold.mart_b"),
    ];

    [Theory]
    [InlineData("gold.fact_b", "gold.fact_b test.relationship_fact_b_dim_a")]
    [InlineData("fact_b", "gold.fact_b test.relationship_fact_b_dim_a")]
    [InlineData("+fact_b", "bronze.src_a bronze.src_b silver.stg_a silver.stg_b gold.dim_a gold.fact_b test.unique_dim_a test.relationship_fact_b_dim_a")]
    [InlineData("1+fact_b", "silver.stg_b gold.dim_a gold.fact_b test.unique_dim_a test.relationship_fact_b_dim_a")]
    [InlineData("stg_a+", "silver.stg_a gold.dim_a gold.fact_b gold.mart_b test.unique_dim_a test.relationship_fact_b_dim_a test.not_null_mart_b")]
    [InlineData("stg_a+1", "silver.stg_a gold.dim_a test.unique_dim_a test.relationship_fact_b_dim_a")]
    [InlineData("@stg_a", "bronze.src_a bronze.src_b silver.stg_a silver.stg_b gold.dim_a gold.fact_b gold.mart_b test.unique_dim_a test.relationship_fact_b_dim_a test.not_null_mart_b")]
    [InlineData("layer:silver", "silver.stg_a silver.stg_b")]
    [InlineData("tag:finance", "gold.mart_b test.not_null_mart_b")]
    [InlineData("tag:daily,layer:gold", "gold.fact_b test.relationship_fact_b_dim_a")]
    [InlineData("dim_a mart_b", "gold.dim_a gold.mart_b test.unique_dim_a test.relationship_fact_b_dim_a test.not_null_mart_b")]
    [InlineData("test.not_null_mart_b", "test.not_null_mart_b")]
    public void Selects_the_nodes_and_the_tests_of_the_selected_models(string select, string expected)
    {
        var selection = new NodeSelector(Nodes).Select(SelectorParser.Parse("--select", [select]), null);

        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), selection.Ids.Order(StringComparer.Ordinal));
        int tests = selection.Ids.Count(id => id.StartsWith("test.", StringComparison.Ordinal));
        Assert.Equal((7, 3), (selection.TotalNodes, selection.TotalTests));
        Assert.Equal($"selected {selection.Ids.Count - tests} of 7 nodes and {tests} of 3 tests: --select {select}", selection.Summary);
    }

    [Fact]
    public void Exclude_removes_the_nodes_and_every_test_of_an_excluded_model()
    {
        var selection = new NodeSelector(Nodes).Select(SelectorParser.Parse("--select", ["+fact_b"]), SelectorParser.Parse("--exclude", ["dim_a"]));

        Assert.Equal(["bronze.src_a", "bronze.src_b", "gold.fact_b", "silver.stg_a", "silver.stg_b"], selection.Ids.Order(StringComparer.Ordinal));
        Assert.Equal("selected 5 of 7 nodes and 0 of 3 tests: --select +fact_b --exclude dim_a", selection.Summary);
    }

    [Fact]
    public void Exclude_alone_keeps_everything_else()
    {
        var selection = new NodeSelector(Nodes).Select(null, SelectorParser.Parse("--exclude", ["layer:bronze", "tag:finance"]));

        Assert.Equal(["gold.dim_a", "gold.fact_b", "silver.stg_a", "silver.stg_b", "test.relationship_fact_b_dim_a", "test.unique_dim_a"],
            selection.Ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fact_c", "--select 'fact_c' matches no node: no node fact_c in the manifest (give a node's id, e.g. gold.orders, or its name)")]
    [InlineData("tag:weekly", "--select 'tag:weekly' matches no node: no tag weekly in the manifest (known: daily, finance)")]
    [InlineData("layer:platinum", "--select 'layer:platinum' matches no node: no layer platinum in the manifest (known: bronze, gold, silver)")]
    [InlineData("analysis.report", "--select 'analysis.report' matches no node: no node analysis.report in the manifest (give a node's id, e.g. gold.orders, or its name)")]
    public void A_selector_that_matches_nothing_is_an_error_saying_what_exists(string select, string expected)
    {
        var error = Assert.Throws<WarehouseException>(() => new NodeSelector(Nodes).Select(SelectorParser.Parse("--select", [select]), null));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_selection_that_keeps_nothing_is_an_error()
    {
        var error = Assert.Throws<WarehouseException>(() =>
            new NodeSelector(Nodes).Select(SelectorParser.Parse("--select", ["dim_a"]), SelectorParser.Parse("--exclude", ["layer:gold"])));

        Assert.StartsWith("--select dim_a --exclude layer:gold selects no node (of 10)", error.Message, StringComparison.Ordinal);
    }

    private static ManifestNode Model(string id, string kind, string? layer, string[]? dependsOn = null, string[]? tags = null)
    {
        string schema = id[..id.IndexOf('.', StringComparison.Ordinal)];
        return new ManifestNode(id, kind, layer, schema, id[(schema.Length + 1)..], null, null, kind == "source" ? "source" : "table",
            null, null, null, null, null, dependsOn ?? [], null, null, null, null, null, Tags: tags);
    }

    private static ManifestNode Test(string id, params string[] dependsOn) =>
        new(id, NodeKinds.Test, "gold", "test", id[5..], null, null, "test", null, null, null, null, null, dependsOn, null, "error",
            dependsOn[0], "not_null", null);
}
