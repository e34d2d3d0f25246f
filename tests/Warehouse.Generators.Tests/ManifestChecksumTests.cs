using System.Text.Json;

namespace Warehouse.Generators.Tests;

/// <summary>
/// A node's manifest checksum hashes its canonical spec (every field, each column's included) with its SQL, so a
/// change the SQL does not show still changes it, and an edit changes the checksums of the nodes it touches only. Its
/// logic checksum changes with what the node computes, not with its descriptions or tests.
/// </summary>
public sealed class ManifestChecksumTests
{
    private const string CustomerName = "public required string Name { get; init; }\n}\n\n[Source(\"landing/orders/\")]";

    /// <summary>Edits of one column that leave the node's SQL byte for byte the same in every dialect.</summary>
    public static TheoryData<string, string, string, string> ColumnOnlyChanges => new()
    {
        // Bronze reads every column as text, so a source column's declared length is in no bronze script.
        { "a source column's length", "bronze.raw_customers", CustomerName, "[MaxLength(50)] " + CustomerName },
        { "a source column's nullability", "bronze.raw_customers", CustomerName, CustomerName.Replace("public required string Name", "public string? Name", StringComparison.Ordinal) },
        { "a measure's additivity", "gold.fact_orders", "[Measure] public decimal Amount", "[Measure(Additivity.NonAdditive)] public decimal Amount" },
    };

    [Theory]
    [MemberData(nameof(ColumnOnlyChanges))]
    public void A_column_only_change_changes_its_nodes_checksum(string change, string node, string from, string to)
    {
        var (before, after) = Render(from, to);

        var sql = before.Keys.Where(p => p.EndsWith("/" + node[(node.IndexOf('.') + 1)..] + ".sql", StringComparison.Ordinal)
            && !p.StartsWith("dbt/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sql.Count);
        Assert.All(sql, path => Assert.Equal(before[path], after[path]));
        Assert.True(Checksums(before)[node] != Checksums(after)[node], $"{change}: the checksum of {node} did not change");
    }

    [Fact]
    public void An_edit_changes_the_checksums_of_the_nodes_it_touches_only()
    {
        var (before, after) = Render(CustomerName, "[MaxLength(50)] " + CustomerName);

        var old = Checksums(before);
        var changed = Checksums(after).Where(c => old[c.Key] != c.Value).Select(c => c.Key).Order(StringComparer.Ordinal);

        // The source declares the column; the staging model casts it to the declared type. Nothing else reads it.
        Assert.Equal(["bronze.raw_customers", "silver.stg_customers"], changed);
    }

    /// <summary>Edits that change what the node computes, and edits that change what is said about it or checked on it.</summary>
    public static TheoryData<string, string, string, string, bool> LogicAndMetadataChanges => new()
    {
        { "a [Derived] expression", "silver.stg_customers", "[Derived(\"initcap(name)\")]", "[Derived(\"upper(name)\")]", true },
        { "a [Rule]", "silver.stg_orders", "\"amount > 0\"", "\"amount >= 0\"", true },
        { "a source's delimiter", "bronze.raw_customers", "Delimiter = '|'", "Delimiter = ';'", true },
        { "a description", "gold.dim_customers", "public sealed record DimCustomers", "[Description(\"Customers, with history.\")] public sealed record DimCustomers", false },
        { "a column's description", "gold.fact_orders", "[Measure] public decimal Amount", "[Measure, Description(\"What was paid.\")] public decimal Amount", false },
        { "a test", "gold.dim_customers", "[History] public required string Name", "[History, AcceptedValues(\"A\", \"B\")] public required string Name", false },
    };

    [Theory]
    [MemberData(nameof(LogicAndMetadataChanges))]
    public void The_logic_checksum_changes_with_what_the_node_computes_only(string change, string node, string from, string to, bool logic)
    {
        var (before, after) = Render(from, to);

        Assert.True(Checksums(before)[node] != Checksums(after)[node], $"{change}: the checksum of {node} did not change");
        Assert.True((Checksums(before, "logic_checksum")[node] != Checksums(after, "logic_checksum")[node]) == logic,
            $"{change}: the logic checksum of {node} {(logic ? "did not change" : "changed")}");
    }

    private static (IReadOnlyDictionary<string, string> Before, IReadOnlyDictionary<string, string> After) Render(string from, string to)
    {
        var edited = GeneratorHarness.ValidModel.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(GeneratorHarness.ValidModel, edited);
        return (GeneratedArtifacts.Of(GeneratorHarness.ValidModel), GeneratedArtifacts.Of(edited));
    }

    private static Dictionary<string, string> Checksums(IReadOnlyDictionary<string, string> artifacts, string property = "checksum")
    {
        using var manifest = JsonDocument.Parse(artifacts["manifest.json"]);
        return manifest.RootElement.GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty(property).GetString()!, StringComparer.Ordinal);
    }
}
