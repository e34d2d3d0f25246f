using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

/// <summary>Redshift's distribution and sort keys decided on hand-built, resolved specs (docs/redshift.md).</summary>
public sealed class PhysicalDesignTests
{
    private const long Threshold = 1_000_000;

    private static NodeSpec Dimension(string name, int scd = 1, long expectedRows = 0, bool calendar = false) =>
        Node(NodeKind.Dimension, name, Column(Key(name), ColumnRole.SurrogateKey), Column(name + "_id", ColumnRole.BusinessKey), Column("day", type: SqlTypeKind.Date))
            with { Scd = scd, ExpectedRows = expectedRows, DateColumn = calendar ? "day" : null };

    private static string Key(string dimension) => dimension.Replace("dim_", string.Empty, StringComparison.Ordinal) + "_key";

    private static ColumnSpec Reference(NodeSpec dimension, string? column = null) =>
        Column(column ?? Key(dimension.Name), ColumnRole.Reference) with
        {
            Lookup = new DimensionLookup(new TableRef("gold", dimension.Name), Key(dimension.Name), dimension.Name + "_id", dimension.Name + "_id", dimension.Scd == 2, dimension.DateColumn),
        };

    private static NodeSpec Fact(string name, params NodeSpec[] dimensions) =>
        Node(NodeKind.Fact, name, [Column("id", ColumnRole.DegenerateKey), .. dimensions.Select(d => Reference(d))])
            with { EventDateColumn = dimensions.FirstOrDefault(d => d.DateColumn is not null) is { } calendar ? Key(calendar.Name) : null };

    private static (Dictionary<string, NodeSpec> Nodes, DiagnosticSink Sink) Apply(long threshold, params NodeSpec[] nodes)
    {
        var sink = new DiagnosticSink();
        var resolved = PhysicalDesign.Apply(nodes, threshold, (_, _) => null, sink);
        return (resolved.ToDictionary(n => n.Name), sink);
    }

    [Fact]
    public void Small_dimensions_are_copied_to_every_node_and_large_ones_are_distributed_on_their_surrogate_key()
    {
        var (nodes, sink) = Apply(Threshold,
            Dimension("dim_dates", calendar: true), Dimension("dim_stores"), Dimension("dim_customers", scd: 2),
            Dimension("dim_products", expectedRows: 5_000_000), Dimension("dim_regions", scd: 2, expectedRows: 200));

        Assert.Empty(sink.Diagnostics);
        Assert.Equal(new DistributionSpec(DistributionKind.All, null), nodes["dim_dates"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.All, null), nodes["dim_stores"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.Key, "customers_key"), nodes["dim_customers"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.Key, "products_key"), nodes["dim_products"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.All, null), nodes["dim_regions"].Distribution);   // declared small
        Assert.Equal(["customers_key"], nodes["dim_customers"].SortKeys);
    }

    [Fact]
    public void The_threshold_is_the_models_setting()
    {
        var (nodes, _) = Apply(10_000_000, Dimension("dim_products", expectedRows: 5_000_000), Dimension("dim_customers", scd: 2));

        Assert.Equal(DistributionKind.All, nodes["dim_products"].Distribution!.Kind);
        Assert.Equal(DistributionKind.Key, nodes["dim_customers"].Distribution!.Kind);   // type 2 counts as the threshold
    }

    [Fact]
    public void A_fact_is_distributed_on_its_largest_dimension_and_sorted_on_its_date_key()
    {
        var dates = Dimension("dim_dates", calendar: true);
        var customers = Dimension("dim_customers", scd: 2);
        var products = Dimension("dim_products", expectedRows: 5_000_000);
        var stores = Dimension("dim_stores");

        var (nodes, _) = Apply(Threshold, dates, customers, products, stores, Fact("fact_sales", dates, stores, customers, products));

        Assert.Equal(new DistributionSpec(DistributionKind.Key, "products_key"), nodes["fact_sales"].Distribution);
        Assert.Equal(["dates_key"], nodes["fact_sales"].SortKeys);
    }

    [Fact]
    public void Between_dimensions_of_one_size_the_one_more_facts_join_wins_and_a_tie_left_is_auto()
    {
        var customers = Dimension("dim_customers", scd: 2);
        var accounts = Dimension("dim_accounts", scd: 2);

        var (tied, _) = Apply(Threshold, customers, accounts, Fact("fact_visits", customers, accounts));
        var (joined, _) = Apply(Threshold, customers, accounts, Fact("fact_visits", customers, accounts), Fact("fact_calls", accounts));

        Assert.Equal(new DistributionSpec(DistributionKind.Auto, null), tied["fact_visits"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.Key, "accounts_key"), joined["fact_visits"].Distribution);
    }

    [Fact]
    public void A_fact_of_small_dimensions_only_is_auto_never_on_a_low_cardinality_key()
    {
        var dates = Dimension("dim_dates", calendar: true, expectedRows: 50_000_000);
        var stores = Dimension("dim_stores");
        var types = Dimension("dim_types");

        var (nodes, _) = Apply(Threshold, dates, stores, types, Fact("fact_sales", dates, stores, types));

        Assert.Equal(DistributionKind.Key, nodes["dim_dates"].Distribution!.Kind);   // declared large, but a calendar:
        Assert.Equal(new DistributionSpec(DistributionKind.Auto, null), nodes["fact_sales"].Distribution);   // never the fact's key
        Assert.Equal(["dates_key"], nodes["fact_sales"].SortKeys);
    }

    [Fact]
    public void Two_roles_of_one_dimension_are_no_clear_choice()
    {
        var customers = Dimension("dim_customers", scd: 2);
        var fact = Node(NodeKind.Fact, "fact_orders", Column("id", ColumnRole.DegenerateKey), Reference(customers, "buyer_key"), Reference(customers, "seller_key"));

        var (nodes, _) = Apply(Threshold, customers, fact);

        Assert.Equal(DistributionKind.Auto, nodes["fact_orders"].Distribution!.Kind);
    }

    [Fact]
    public void Declared_distribution_and_sort_key_replace_the_rule_and_are_resolved_to_column_names()
    {
        var customers = Dimension("dim_customers", scd: 2) with { Distribution = new DistributionSpec(DistributionKind.Even, null) };
        var stores = Dimension("dim_stores");
        var fact = Fact("fact_sales", customers, stores) with
        {
            Distribution = new DistributionSpec(DistributionKind.Key, "StoresKey"),
            SortKeys = new[] { "Id", "customers_key" }.ToEquatableArray(),
        };

        var (nodes, sink) = Apply(Threshold, customers, stores, fact);

        Assert.Equal(new DistributionSpec(DistributionKind.Even, null), nodes["dim_customers"].Distribution);
        Assert.Equal(new DistributionSpec(DistributionKind.Key, "stores_key"), nodes["fact_sales"].Distribution);
        Assert.Equal(["id", "customers_key"], nodes["fact_sales"].SortKeys);
        Assert.Equal(["WH0028"], Ids(sink));   // stores is ALL: its few keys skew the fact
    }

    [Fact]
    public void A_declared_column_that_does_not_exist_is_reported()
    {
        var staging = Node(NodeKind.Staging, "stg_sales", Column("id")) with
        {
            Key = "id",
            Distribution = new DistributionSpec(DistributionKind.Key, "Nope"),
            SortKeys = new[] { "Missing" }.ToEquatableArray(),
        };

        var (nodes, sink) = Apply(Threshold, staging);

        Assert.Equal(["WH0011", "WH0011"], Ids(sink));
        Assert.Equal(new DistributionSpec(DistributionKind.Auto, null), Apply(Threshold, staging with { Distribution = null, SortKeys = EquatableArray<string>.Empty }).Nodes["stg_sales"].Distribution);
        Assert.Equal(["id"], Apply(Threshold, staging with { Distribution = null, SortKeys = EquatableArray<string>.Empty }).Nodes["stg_sales"].SortKeys);
        Assert.NotNull(nodes["stg_sales"].Distribution);
    }
}
