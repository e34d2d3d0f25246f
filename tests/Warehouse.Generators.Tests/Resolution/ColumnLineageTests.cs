using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

/// <summary>The lineage policy on hand-built specs: the walk to the sources, columns the warehouse adds, and cycles.</summary>
public sealed class ColumnLineageTests
{
    private static readonly NodeSpec Source = Node(NodeKind.Source, "raw", Column("id"), Column("amount"));

    [Fact]
    public void A_column_traces_through_every_hop_to_the_source_columns()
    {
        var staging = Node(NodeKind.Staging, "stg", Column("id") with { UpstreamColumn = "id" }, Column("amount") with { UpstreamColumn = "amount" })
            with { Upstream = new TableRef("bronze", "raw") { IsSource = true } };
        var report = Node(NodeKind.SqlModel, "report", Column("total") with { Reads = Origins("silver.stg.amount", "silver.stg.id") });

        var nodes = ColumnLineage.Apply([Source, staging, report]).ToDictionary(n => n.Id);

        Assert.Equal(Origins("bronze.raw.amount"), nodes["silver.stg"].Columns[1].Reads);
        Assert.Equal(Origins("bronze.raw.amount", "bronze.raw.id"), nodes["gold.report"].Columns[0].Lineage);
        Assert.Empty(nodes["bronze.raw"].Columns[0].Lineage);
    }

    [Fact]
    public void A_column_the_warehouse_adds_leads_to_no_bronze_column()
    {
        var report = Node(NodeKind.SqlModel, "report", Column("loaded") with { Reads = Origins("bronze.raw._batch_at", "gold.elsewhere.x") });

        var resolved = Assert.Single(ColumnLineage.Apply([Source, report]), n => n.Id == "gold.report");

        Assert.Equal(Origins("bronze.raw._batch_at", "gold.elsewhere.x"), resolved.Columns[0].Reads);
        Assert.Empty(resolved.Columns[0].Lineage);
    }

    [Fact]
    public void A_cycle_ends_the_walk_where_it_closes()
    {
        var a = Node(NodeKind.SqlModel, "a", Column("x") with { Reads = Origins("gold.b.x", "bronze.raw.id") });
        var b = Node(NodeKind.SqlModel, "b", Column("x") with { Reads = Origins("gold.a.x") });

        var nodes = ColumnLineage.Apply([Source, a, b]).ToDictionary(n => n.Id);

        Assert.Equal(Origins("bronze.raw.id"), nodes["gold.a"].Columns[0].Lineage);
        Assert.Equal(Origins("bronze.raw.id"), nodes["gold.b"].Columns[0].Lineage);
    }

    private static EquatableArray<ColumnOrigin> Origins(params string[] columns) =>
        columns.Select(c => new ColumnOrigin(c[..c.LastIndexOf('.')], c[(c.LastIndexOf('.') + 1)..])).ToEquatableArray();
}
