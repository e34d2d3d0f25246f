using System.Security.Cryptography;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Lake.Generation;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

public sealed class GeneratorTests
{
    /// <summary>The reference seed, found relative to the checkout; tests comparing against it skip where it is absent.</summary>
    private static readonly string? SeedFolder = Repository.SeedData;

    [Fact]
    public void Same_seed_gives_same_bytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var files = new LakeGenerator(7, 0.2).Generate(first.Path, 1);
        new LakeGenerator(7, 0.2).Generate(second.Path, 1);

        Assert.Equal(14, files.Count);
        foreach (var file in files)
            Assert.Equal(Hash(LakeLayout.FullPath(first.Path, file)), Hash(LakeLayout.FullPath(second.Path, file)));
        using var third = new TempFolder();
        new LakeGenerator(8, 0.2).Generate(third.Path, 1);
        Assert.NotEqual(Hash(LakeLayout.FullPath(first.Path, "landing/dim_customers/dim_customers.csv")),
            Hash(LakeLayout.FullPath(third.Path, "landing/dim_customers/dim_customers.csv")));
    }

    [SkippableFact]
    public void Files_names_and_headers_equal_the_seed()
    {
        Skip.If(SeedFolder is null, "the reference seed (shared/reference/lakehouse-formation-data beside the checkout) is not on this machine");
        string seedFolder = SeedFolder!;
        using var lake = new TempFolder();

        var files = new LakeGenerator(42, 1).Generate(lake.Path, 1);

        var seedFiles = Directory.GetFiles(seedFolder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(seedFiles, files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            string generated = LakeLayout.FullPath(lake.Path, file);
            Assert.Equal(File.ReadLines(Path.Combine(seedFolder, Path.GetFileName(file))).First(), File.ReadLines(generated).First());
            Assert.Equal(File.ReadLines(Path.Combine(seedFolder, Path.GetFileName(file))).Count(), File.ReadLines(generated).Count());
        }
    }

    [Fact]
    public void Layout_uses_the_file_name_without_prefix_as_source_folder()
    {
        Assert.Equal("landing/dim_accounts/dim_accounts.csv", LakeLayout.RelativePathOf("dim_accounts.csv"));
        Assert.Equal("landing/fact_transactions/fact_transactions.csv", LakeLayout.RelativePathOf("fact_transactions.csv"));
        Assert.Equal("landing/dim_accounts/dim_accounts_batch2.csv", LakeLayout.RelativePathOf("dim_accounts_batch2.csv"));
    }

    [Fact]
    public void Second_batch_changes_dimensions_and_adds_new_fact_ids()
    {
        using var lake = new TempFolder();
        var generator = new LakeGenerator(42, 1);
        generator.Generate(lake.Path, 1);

        var files = generator.Generate(lake.Path, 2);

        Assert.Contains("landing/dim_accounts/dim_accounts_batch2.csv", files);
        var original = Rows(lake.Path, "landing/dim_accounts/dim_accounts.csv").ToDictionary(r => r[0]);
        var changed = Rows(lake.Path, "landing/dim_accounts/dim_accounts_batch2.csv").ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, row => Assert.Equal(original[row[0]][..4], row[..4]));
        var firstIds = Rows(lake.Path, "landing/fact_transactions/fact_transactions.csv").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var newIds = Rows(lake.Path, "landing/fact_transactions/fact_transactions_batch2.csv").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1_000, newIds.Count);
        Assert.True(newIds.Min() > firstIds.Max());
    }

    [Fact]
    public void Foreign_keys_are_in_range()
    {
        using var lake = new TempFolder();
        new LakeGenerator(1, 0.5).Generate(lake.Path, 1);

        var rows = Rows(lake.Path, "landing/fact_transactions/fact_transactions.csv").ToList();

        Assert.Equal(5_000, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), 1, 1827);
            Assert.InRange(int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 1, 50);
            Assert.Contains(r[8], new[] { "Completed", "Failed", "Pending" });
        });
    }

    private static IEnumerable<string[]> Rows(string lake, string relative) =>
        File.ReadLines(LakeLayout.FullPath(lake, relative)).Skip(1).Select(l => l.Split('|'));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("warehouse-lake-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
