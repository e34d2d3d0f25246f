using System.Text.Json;
using Warehouse.Deploy.Cli;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// deploy/run/test/plan --select on a model that is not Banking (<see cref="RawFilesWarehouse"/>, DuckDB): only the
/// selected nodes and the tests of the selected models run, the summary and run_results.json say what was selected,
/// and a selected node whose unselected upstream is not in the target yet is a clear error before anything runs.
/// </summary>
public sealed class SelectionCliTests
{
    [Fact]
    public async Task Deploy_select_runs_only_the_selected_nodes_and_the_tests_of_the_selected_models()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = Delivery(warehouse);

        var bronze = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath, "--select", "layer:bronze");
        var (bronzeNodes, bronzeTests) = Results(warehouse);
        var gold = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath, "-s", "gold.orders");
        var (goldNodes, goldTests) = Results(warehouse);
        var test = await warehouse.RunAsync(WarehouseExtensions.None, "test", "--database", warehouse.DuckDbPath, "--select", "orders");
        var (_, selectedTests) = Results(warehouse);
        var excluded = await warehouse.RunAsync(WarehouseExtensions.None, "test", "--database", warehouse.DuckDbPath, "--exclude", "orders");
        var (_, excludedTests) = Results(warehouse);
        var plan = await warehouse.RunAsync(WarehouseExtensions.None, "plan", "--database", warehouse.DuckDbPath, "--select", "+orders");

        Assert.True(bronze.ExitCode == 0, bronze.ToString());
        Assert.Equal(["bronze.raw_customers", "bronze.raw_orders"], bronzeNodes);
        Assert.Empty(bronzeTests);
        Assert.Contains("selected 2 of 3 nodes and 0 of 1 tests: --select layer:bronze", bronze.Out, StringComparison.Ordinal);
        Assert.True(gold.ExitCode == 0, gold.ToString());
        Assert.Equal(["gold.orders"], goldNodes);
        Assert.Equal(["tests.orders_have_a_customer"], goldTests);
        Assert.Contains("selected 1 of 3 nodes and 1 of 1 tests: --select gold.orders", gold.Out, StringComparison.Ordinal);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal(["tests.orders_have_a_customer"], selectedTests);
        // Excluding the model excludes its test.
        Assert.True(excluded.ExitCode == 0, excluded.ToString());
        Assert.Empty(excludedTests);
        Assert.Contains("selected 2 of 3 nodes and 0 of 1 tests: --exclude orders", excluded.Out, StringComparison.Ordinal);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("selected 3 of 3 nodes and 1 of 1 tests: --select +orders", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_selected_node_whose_unselected_upstream_is_not_deployed_yet_is_refused_before_it_runs()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = Delivery(warehouse);

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath, "--select", "orders");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --select orders: gold.orders reads bronze.raw_orders, bronze.raw_customers (not selected, and not in the target yet); " +
            "select the upstreams too, e.g. +gold.orders, or deploy them first", run.Error.TrimEnd());
        var (nodes, tests) = Results(warehouse);
        Assert.Empty(nodes);
        Assert.Empty(tests);
    }

    [Fact]
    public async Task A_bad_selector_is_refused_before_the_lake_is_staged()
    {
        using var warehouse = new RawFilesWarehouse();
        string data = Delivery(warehouse);
        var before = warehouse.Entries();

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "deploy", "--data", data, "--database", warehouse.DuckDbPath, "--select", "tag:nightly");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --select 'tag:nightly' matches no node: no tag nightly in the manifest (no node has a tag)", run.Error.TrimEnd());
        Assert.Equal(before, warehouse.Entries());
    }

    private static string Delivery(RawFilesWarehouse warehouse) => warehouse.DataFolder("delivery", new Dictionary<string, string[]>
    {
        ["raw_customers.csv"] = [RawFilesWarehouse.CustomersHeader, "1,Ada"],
        ["raw_orders.csv"] = [RawFilesWarehouse.OrdersHeader, "10,1,5.50"],
    });

    /// <summary>The node and test ids of the last run, from run_results.json.</summary>
    private static (string[] Nodes, string[] Tests) Results(RawFilesWarehouse warehouse)
    {
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(warehouse.Artifacts, ResultsFile.FileName)));
        string[] Ids(string member) => results.RootElement.GetProperty(member).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        return (Ids("nodes"), Ids("tests"));
    }
}
