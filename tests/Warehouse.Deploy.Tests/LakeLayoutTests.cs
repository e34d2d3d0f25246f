using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

/// <summary>Where a lake file goes comes from the manifest's prefixes and file patterns, not from its name's shape.</summary>
public sealed class LakeLayoutTests
{
    private static readonly ManifestNode[] Sources =
    [
        Source("bronze.orders", "raw/orders/", "orders*.csv"),
        Source("bronze.order_lines", "raw/lines", "order_lines*.csv"),
        Source("bronze.events", "events/", "*.json"),
    ];

    [Theory]
    [InlineData("orders.csv", "raw/orders/orders.csv")]
    [InlineData("orders_batch2.csv", "raw/orders/orders_batch2.csv")]
    [InlineData("order_lines_2024.csv", "raw/lines/order_lines_2024.csv")]
    [InlineData("click.json", "events/click.json")]
    public void A_file_goes_under_the_prefix_of_the_source_whose_pattern_it_matches(string fileName, string expected) =>
        Assert.Equal(expected, LakeLayout.RelativePathOf(Sources, fileName));

    [Fact]
    public void A_name_that_matches_no_source_names_every_pattern()
    {
        var error = Assert.Throws<WarehouseException>(() => LakeLayout.RelativePathOf(Sources, "Orders.csv"));

        Assert.Equal("Orders.csv matches the file pattern of no source of this model " +
                     "(bronze.orders raw/orders/orders*.csv, bronze.order_lines raw/lines/order_lines*.csv, bronze.events events/*.json)",
            error.Message);
    }

    [Fact]
    public void A_name_that_matches_several_sources_is_refused()
    {
        ManifestNode[] overlapping = [.. Sources, Source("bronze.all_orders", "all/", "order*.csv")];

        var error = Assert.Throws<WarehouseException>(() => LakeLayout.RelativePathOf(overlapping, "orders.csv"));

        Assert.Equal("orders.csv matches the file pattern of several sources (bronze.orders raw/orders/orders*.csv, bronze.all_orders all/order*.csv); each file must belong to one",
            error.Message);
    }

    [Fact]
    public void A_lake_is_empty_until_a_source_has_a_file_matching_its_pattern()
    {
        using var lake = new TempFolder();
        Assert.True(LakeLayout.IsEmpty(lake.Path, Sources));

        Directory.CreateDirectory(Path.Combine(lake.Path, "raw", "orders"));
        File.WriteAllText(Path.Combine(lake.Path, "raw", "orders", "readme.txt"), "");
        Assert.True(LakeLayout.IsEmpty(lake.Path, Sources));

        File.WriteAllText(Path.Combine(lake.Path, "raw", "orders", "orders.csv"), "");
        Assert.False(LakeLayout.IsEmpty(lake.Path, Sources));
    }

    /// <summary>A source node as a manifest declares it (parsed, so the test follows the manifest's format).</summary>
    private static ManifestNode Source(string id, string prefix, string pattern)
    {
        var node = new
        {
            id, kind = NodeKinds.Source, layer = "bronze", schema = "bronze", name = id["bronze.".Length..], materialization = "source",
            source = new { prefix, file_pattern = pattern },
        };
        var manifest = new { format = WarehouseManifest.SupportedFormat, project = "Layout", dialects = new[] { "duckdb" },
            setup = new Dictionary<string, string> { ["duckdb"] = "duckdb/_setup.sql" },
            variables = new Dictionary<string, string[]> { ["duckdb"] = [] },
            bookkeeping = TestManifests.Bookkeeping, aws = TestManifests.Aws, nodes = new[] { node } };
        return ManifestLoader.Parse(System.Text.Json.JsonSerializer.Serialize(manifest), "test").Sources.Single();
    }
}
