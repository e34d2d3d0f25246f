using System.Text.Json;

namespace Warehouse.Generators.Tests;

/// <summary>
/// A reference column's manifest entry names the dimension it looks up, and, for a role-playing reference (two
/// references to one dimension through other columns, [References(On = ...)]), the upstream column holding the key:
/// the runner's data generator has nothing else to tell an order's referrer from its customer by.
/// </summary>
public sealed class ManifestReferenceTests
{
    [Fact]
    public void A_role_playing_reference_names_the_column_it_looks_up_and_a_plain_one_does_not()
    {
        string model = GeneratorHarness.ValidModel
            .Replace("    public long CustomerId { get; init; }\n    public decimal Amount",
                "    public long CustomerId { get; init; }\n    public long ReferrerId { get; init; }\n    public decimal Amount", StringComparison.Ordinal)
            .Replace("[References(typeof(DimCustomers))] public long CustomerKey { get; init; }",
                "[References(typeof(DimCustomers))] public long CustomerKey { get; init; }\n    " +
                "[References(typeof(DimCustomers), On = nameof(StgOrders.ReferrerId))] public long ReferrerKey { get; init; }", StringComparison.Ordinal);
        Assert.Equal(2, model.Split("public long ReferrerId").Length - 1);

        using var manifest = JsonDocument.Parse(GeneratedArtifacts.Of(model)["manifest.json"]);
        var fact = manifest.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "gold.fact_orders");
        var columns = fact.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

        Assert.Equal("gold.dim_customers", columns["referrer_key"].GetProperty("references").GetString());
        Assert.Equal("referrer_id", columns["referrer_key"].GetProperty("references_on").GetString());
        Assert.Equal("gold.dim_customers", columns["customer_key"].GetProperty("references").GetString());
        Assert.False(columns["customer_key"].TryGetProperty("references_on", out _));
    }
}
