using System.Security.Cryptography;
using Banking.Lake;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>The Banking sample's own data generator (samples/Banking/Lake), as the runner calls it.</summary>
public sealed class BankingLakeGeneratorTests
{
    /// <summary>The reference seed, found relative to the checkout; tests comparing against it skip where it is absent.</summary>
    private static readonly string? SeedFolder = Repository.SeedData;

    /// <summary>The sample's manifest, as the build wrote it: the generator places its files by the sources' patterns.</summary>
    private static readonly WarehouseManifest Manifest = ManifestLoader.Load(new FolderArtifactSource(Repository.BankingWarehouse));

    [Fact]
    public void Same_seed_gives_same_bytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var files = Generate(first.Path, 7, 0.2);
        Generate(second.Path, 7, 0.2);

        Assert.Equal(14, files.Count);
        foreach (var file in files)
            Assert.Equal(Hash(LakeLayout.FullPath(first.Path, file)), Hash(LakeLayout.FullPath(second.Path, file)));
        using var third = new TempFolder();
        Generate(third.Path, 8, 0.2);
        Assert.NotEqual(Hash(LakeLayout.FullPath(first.Path, "landing/dim_customers/dim_customers.csv")),
            Hash(LakeLayout.FullPath(third.Path, "landing/dim_customers/dim_customers.csv")));
    }

    /// <summary>
    /// The bytes of seed 42 at scale 0.1, batches 1 and 2, pinned: moving or refactoring the generator must not change
    /// the data a Banking lake is made of (a Bogus upgrade that changes them shows here first).
    /// </summary>
    [Fact]
    public void Generated_lake_bytes_are_pinned()
    {
        using var lake = new TempFolder();

        var files = Generate(lake.Path, 42, 0.1).Concat(Generate(lake.Path, 42, 0.1, batch: 2)).ToList();

        var digest = string.Join('\n', files.Order(StringComparer.Ordinal).Select(f => $"{Hash(LakeLayout.FullPath(lake.Path, f))} {f}"));
        Assert.Equal(PinnedLakeDigest, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(digest))));
    }

    // Measured with the generator before it moved out of src/Warehouse.Deploy (commit c5ff30d).
    private const string PinnedLakeDigest = "E0B77039B12933DA63D2E9402945569FC5D579EA0DA27888304009517B94CC15";

    [SkippableFact]
    public void Files_names_and_headers_equal_the_seed()
    {
        Skip.If(SeedFolder is null, "the reference seed (shared/reference/lakehouse-formation-data beside the checkout) is not on this machine");
        string seedFolder = SeedFolder!;
        using var lake = new TempFolder();

        var files = Generate(lake.Path, 42, 1);

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
    public void Each_file_lands_under_the_source_whose_pattern_it_matches()
    {
        using var lake = new TempFolder();

        var files = Generate(lake.Path, 42, 0.1).Concat(Generate(lake.Path, 42, 0.1, batch: 2)).ToList();

        Assert.Contains("landing/dim_accounts/dim_accounts.csv", files);
        Assert.Contains("landing/dim_accounts/dim_accounts_batch2.csv", files);
        Assert.Contains("landing/fact_transactions/fact_transactions_batch2.csv", files);
        foreach (var source in Manifest.Sources)
            Assert.NotEmpty(LakeFiles.Of(lake.Path, source.Source!));
    }

    [Fact]
    public void A_model_without_the_banks_sources_gets_no_file()
    {
        using var lake = new TempFolder();
        var other = Manifest with { Nodes = Manifest.Nodes.Where(n => n.Id != "bronze.dim_loans").ToList() };

        var error = Assert.Throws<WarehouseException>(() => new LakeGenerator().Generate(new LakeGenerationRequest(other, lake.Path, 42, 0.1, 1)));

        Assert.StartsWith("dim_loans.csv matches the file pattern of no source of this model (bronze.dim_accounts landing/dim_accounts/dim_accounts*.csv, ",
            error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(lake.Path));
    }

    [Fact]
    public void Second_batch_changes_dimensions_and_adds_new_fact_ids()
    {
        using var lake = new TempFolder();
        Generate(lake.Path, 42, 1);

        var files = Generate(lake.Path, 42, 1, batch: 2);

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
        Generate(lake.Path, 1, 0.5);

        var rows = Rows(lake.Path, "landing/fact_transactions/fact_transactions.csv").ToList();

        Assert.Equal(5_000, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), 1, 1827);
            Assert.InRange(int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 1, 50);
            Assert.Contains(r[8], new[] { "Completed", "Failed", "Pending" });
        });
    }

    private static IReadOnlyList<string> Generate(string lake, int seed, double scale, int batch = 1) =>
        new LakeGenerator().Generate(new LakeGenerationRequest(Manifest, lake, seed, scale, batch));

    private static IEnumerable<string[]> Rows(string lake, string relative) =>
        File.ReadLines(LakeLayout.FullPath(lake, relative)).Skip(1).Select(l => l.Split('|'));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("warehouse-lake-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
