namespace Warehouse.Generators.Tests;

/// <summary>
/// Infrastructure, transformations and documentation come from one model, so they cannot drift: a new source or
/// a renamed column shows up in the SQL, the dbt project and the CloudFormation template alike.
/// </summary>
public sealed class ModelChangeTests
{
    private const string NewSource = """
        using Warehouse.Model;
        namespace Shop;
        [Source("landing/refunds/", Delimiter = ';')]
        public sealed record RawRefunds
        {
            public long RefundId { get; init; }
            public decimal RefundAmount { get; init; }
        }
        """;

    [Fact]
    public void A_new_source_appears_in_every_artifact()
    {
        var before = GeneratedArtifacts.Of(GeneratorHarness.ValidModel);
        var after = GeneratedArtifacts.Of(GeneratorHarness.ValidModel, NewSource);

        Assert.DoesNotContain("raw_refunds", before["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains("\"raw_refunds\"", after["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains("landing/refunds/", after["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains("refund_amount", after["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains(after.Keys, p => p.StartsWith("dbt/models/", StringComparison.Ordinal) && p.EndsWith(".yml", StringComparison.Ordinal)
            && after[p].Contains("raw_refunds", StringComparison.Ordinal));
        Assert.Contains("\"bronze.raw_refunds\"", after["manifest.json"], StringComparison.Ordinal);
        Assert.True(after.ContainsKey("duckdb/bronze/raw_refunds.sql"));
        Assert.True(after.ContainsKey("redshift/bronze/raw_refunds.sql"));
    }

    [Fact]
    public void A_renamed_column_is_renamed_in_every_artifact()
    {
        var renamed = GeneratorHarness.ValidModel
            .Replace("public required string Name { get; init; }\n}\n\n[Source(\"landing/orders/\")]", "[Column(\"customer_name\")] public required string Name { get; init; }\n}\n\n[Source(\"landing/orders/\")]", StringComparison.Ordinal)
            .Replace("initcap(name)", "initcap(customer_name)", StringComparison.Ordinal); // the compiler makes expressions follow (WH0011)
        Assert.NotEqual(GeneratorHarness.ValidModel, renamed);

        var before = GeneratedArtifacts.Of(GeneratorHarness.ValidModel);
        var after = GeneratedArtifacts.Of(renamed);

        Assert.DoesNotContain("customer_name", before["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains("\"customer_name\"", after["cloudformation/warehouse.json"], StringComparison.Ordinal);
        Assert.Contains(after.Keys, p => p.StartsWith("dbt/", StringComparison.Ordinal) && after[p].Contains("customer_name", StringComparison.Ordinal));
        Assert.Contains("\"customer_name\"", after["duckdb/bronze/raw_customers.sql"], StringComparison.Ordinal);
        Assert.Contains("\"customer_name\"", after["postgres/silver/stg_customers.sql"], StringComparison.Ordinal);
    }

    private const string TaggedModels = """
        using Warehouse.Model;
        namespace Shop;
        [Tag("finance")]
        [Tag("daily")]
        [Tag("finance")]
        [SqlModel("SELECT 1 AS id")]
        public sealed record MartTagged { public long Id { get; init; } }
        [Tag("landing")]
        [Source("landing/refunds/")]
        public sealed record RawRefunds { public long RefundId { get; init; } }
        """;

    [Fact]
    public void Tags_reach_the_manifest_and_the_dbt_properties_once_each_and_untagged_nodes_carry_none()
    {
        var before = GeneratedArtifacts.Of(GeneratorHarness.ValidModel);
        var after = GeneratedArtifacts.Of(GeneratorHarness.ValidModel, TaggedModels);

        Assert.DoesNotContain("\"tags\"", before["manifest.json"], StringComparison.Ordinal);
        using var manifest = System.Text.Json.JsonDocument.Parse(after["manifest.json"]);
        var nodes = manifest.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(["finance", "daily"], nodes["gold.mart_tagged"].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["landing"], nodes["bronze.raw_refunds"].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, nodes.Values.Count(n => n.TryGetProperty("tags", out _) && n.GetProperty("id").GetString() != "bronze.raw_refunds"));
        Assert.Contains(after.Keys, p => p.StartsWith("dbt/models/", StringComparison.Ordinal)
            && after[p].Contains("- name: mart_tagged", StringComparison.Ordinal)
            && after[p].Contains("    config:\n      tags:\n        - finance\n        - daily\n", StringComparison.Ordinal));
        Assert.Contains(after.Keys, p => after[p].Contains("- name: raw_refunds\n        tags:\n          - landing\n", StringComparison.Ordinal));
    }
}
