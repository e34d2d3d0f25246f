using System.Text.Json;
using Warehouse.Testing;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The manifest's column lineage (docs/manifest.md, "Column lineage"): each column's one-hop <c>reads</c> and its
/// bronze <c>lineage</c>, checked by hand on a small model, and on every gold column of the Banking sample.
/// </summary>
public sealed class ColumnLineageTests
{
    private const string Model = """"
        using System;
        using Warehouse.Model;
        namespace Shop;

        [Source("landing/customers/")]
        public sealed record RawCustomers
        {
            public long CustomerId { get; init; }
            public required string FirstName { get; init; }
            public required string LastName { get; init; }
            public string? Nickname { get; init; }
        }

        [Source("landing/orders/")]
        public sealed record RawOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
            public decimal Discount { get; init; }
        }

        [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
        public sealed record StgCustomers
        {
            public long CustomerId { get; init; }
            [Derived("first_name || ' ' || last_name")] public required string FullName { get; init; }
            [Column("given_name")] public required string FirstName { get; init; }
            [Default("first_name")] public string? Nickname { get; init; }
            [Derived("'EUR'")] public required string Currency { get; init; }
        }

        [Staging(typeof(RawOrders), Key = nameof(OrderId))]
        public sealed record StgOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            [Derived("amount - discount")] public decimal NetAmount { get; init; }
        }

        [Dimension(typeof(StgCustomers))]
        public sealed record DimCustomers
        {
            [SurrogateKey] public long CustomerKey { get; init; }
            [BusinessKey] public long CustomerId { get; init; }
            public required string FullName { get; init; }
            public required string GivenName { get; init; }
            public required string Currency { get; init; }
        }

        [Fact(typeof(StgOrders))]
        [Grain("one row per order", nameof(OrderId))]
        public sealed record FactOrders
        {
            [DegenerateKey] public long OrderId { get; init; }
            [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
            [Measure] public decimal NetAmount { get; init; }
        }

        [SqlModel($"""
            SELECT c.full_name AS full_name, SUM(o.net_amount) AS total, COUNT(*) AS orders, 'v1' AS version
            FROM {nameof(FactOrders)} AS o
            JOIN {nameof(DimCustomers)} AS c ON c.customer_key = o.customer_key
            WHERE o.order_id > 0
            GROUP BY c.full_name
            """)]
        public sealed record CustomerTotals
        {
            public required string FullName { get; init; }
            [Precision(18, 2)] public decimal Total { get; init; }
            public long Orders { get; init; }
            public required string Version { get; init; }
        }
        """";

    [Fact]
    public void Each_column_reads_its_upstream_columns_and_traces_them_to_bronze()
    {
        using var manifest = JsonDocument.Parse(GeneratedArtifacts.Of(Model)["manifest.json"]);
        var columns = Columns(manifest);

        // A derived column reading two upstream columns.
        Assert.Equal(["bronze.raw_customers.first_name", "bronze.raw_customers.last_name"], Reads(columns["silver.stg_customers.full_name"]));
        Assert.Equal(["bronze.raw_customers.first_name", "bronze.raw_customers.last_name"], Lineage(columns["silver.stg_customers.full_name"]));
        // A renamed column: given_name is copied from first_name (by its property name), and keeps that origin in gold.
        Assert.Equal(["bronze.raw_customers.first_name"], Reads(columns["silver.stg_customers.given_name"]));
        Assert.Equal(["silver.stg_customers.given_name"], Reads(columns["gold.dim_customers.given_name"]));
        Assert.Equal(["bronze.raw_customers.first_name"], Lineage(columns["gold.dim_customers.given_name"]));
        // A [Default] adds the columns its expression reads.
        Assert.Equal(["bronze.raw_customers.first_name", "bronze.raw_customers.nickname"], Lineage(columns["silver.stg_customers.nickname"]));
        // The surrogate key is the hash of the business key: it reads what the business key reads.
        Assert.Equal(["silver.stg_customers.customer_id"], Reads(columns["gold.dim_customers.customer_key"]));
        Assert.Equal(["bronze.raw_customers.customer_id"], Lineage(columns["gold.dim_customers.customer_key"]));
        // A fact's dimension key: the dimension's surrogate key, found by the fact's column; both are its origins.
        Assert.Equal(["gold.dim_customers.customer_key", "silver.stg_orders.customer_id"], Reads(columns["gold.fact_orders.customer_key"]));
        Assert.Equal(["bronze.raw_customers.customer_id", "bronze.raw_orders.customer_id"], Lineage(columns["gold.fact_orders.customer_key"]));
        // A fact measure, derived in silver from two bronze columns.
        Assert.Equal(["silver.stg_orders.net_amount"], Reads(columns["gold.fact_orders.net_amount"]));
        Assert.Equal(["bronze.raw_orders.amount", "bronze.raw_orders.discount"], Lineage(columns["gold.fact_orders.net_amount"]));
        // A SQL model's aggregate over a join reads the aggregated column only (not the join or filter columns).
        Assert.Equal(["gold.fact_orders.net_amount"], Reads(columns["gold.customer_totals.total"]));
        Assert.Equal(["bronze.raw_orders.amount", "bronze.raw_orders.discount"], Lineage(columns["gold.customer_totals.total"]));
        Assert.Equal(["gold.dim_customers.full_name"], Reads(columns["gold.customer_totals.full_name"]));
        Assert.Equal(["bronze.raw_customers.first_name", "bronze.raw_customers.last_name"], Lineage(columns["gold.customer_totals.full_name"]));
        // Constants have no origin: a derived literal (and gold's copy of it), COUNT(*), a literal in SQL.
        Assert.Empty(Reads(columns["silver.stg_customers.currency"]));
        Assert.Equal(["silver.stg_customers.currency"], Reads(columns["gold.dim_customers.currency"]));
        Assert.Empty(Lineage(columns["gold.dim_customers.currency"]));
        Assert.Empty(Reads(columns["gold.customer_totals.orders"]));
        Assert.Empty(Lineage(columns["gold.customer_totals.version"]));
        // A source's columns are the origins themselves: no reads, no lineage written.
        Assert.False(columns["bronze.raw_orders.amount"].TryGetProperty("reads", out _));
        Assert.False(columns["bronze.raw_orders.amount"].TryGetProperty("lineage", out _));
    }

    /// <summary>
    /// Every gold column of Banking (dimensions, facts, SQL models) traces to bronze, except where its value reads no
    /// column: the SQL model's <c>COUNT(*)</c>. Surrogate keys trace through their business key; the SCD bookkeeping
    /// columns (<c>valid_from</c>, <c>valid_to</c>, <c>is_current</c>, <c>_batch_at</c>) are not model columns.
    /// </summary>
    [Fact]
    public void Every_gold_column_of_banking_has_a_bronze_origin_unless_it_reads_no_column()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.BankingWarehouse, "manifest.json")));
        var gold = manifest.RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("layer").GetString() == "gold" && n.TryGetProperty("columns", out _))
            .SelectMany(n => n.GetProperty("columns").EnumerateArray().Select(c => (Id: n.GetProperty("id").GetString() + "." + c.GetProperty("name").GetString(), Column: c)))
            .ToList();
        Assert.True(gold.Count > 80, $"only {gold.Count} gold columns");

        var without = gold.Where(g => Lineage(g.Column).Length == 0).Select(g => g.Id).ToList();

        Assert.Equal(["gold.monthly_transaction_summary.transactions"], without);
        Assert.All(gold, g => Assert.All(Lineage(g.Column), origin => Assert.StartsWith("bronze.", origin)));
    }

    private static Dictionary<string, JsonElement> Columns(JsonDocument manifest) =>
        manifest.RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("columns", out _))
            .SelectMany(n => n.GetProperty("columns").EnumerateArray().Select(c => (Key: n.GetProperty("id").GetString() + "." + c.GetProperty("name").GetString(), Column: c)))
            .ToDictionary(c => c.Key, c => c.Column.Clone());

    private static string[] Reads(JsonElement column) => Origins(column, "reads");

    private static string[] Lineage(JsonElement column) => Origins(column, "lineage");

    private static string[] Origins(JsonElement column, string property) =>
        column.TryGetProperty(property, out var origins)
            ? origins.EnumerateArray().Select(o => o.GetProperty("node").GetString() + "." + o.GetProperty("column").GetString()).ToArray()
            : [];
}
