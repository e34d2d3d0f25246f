using DuckDB.NET.Data;
using Warehouse.Deploy.Lake.Synthetic;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The runner's default data generator on a model that is not Banking (the synthetic model maker at N = 30, which
/// registers no generator): deployed on DuckDB every error-severity test passes, batch 2 deploys incrementally, the
/// same seed gives the same bytes, and --bad-rows rows land in quarantine for the reason the generator broke them.
/// </summary>
public sealed class ModelDataGeneratorTests
{
    [Fact]
    public async Task Generated_data_of_the_synthetic_model_deploys_with_every_test_passing_then_batch_2_deploys_incrementally()
    {
        using var warehouse = new SyntheticModelWarehouse();

        var first = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var dimension = Manifest(warehouse).Nodes.First(n => n.Kind == "dimension");
        long membersAfterFirst = await CountAsync(warehouse, $"SELECT count(*) FROM {dimension.Id}");
        var generate = await warehouse.RunAsync("generate", "--batch", "2");
        var second = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-02");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        // Batch 2 brings the late-arriving members (10 % of 100) on top of batch 1's.
        Assert.True(await CountAsync(warehouse, $"SELECT count(*) FROM {dimension.Id}") >= membersAfterFirst + 10);
        // Its changes opened new versions of the type-2 dimensions' members (type 1 overwrote theirs).
        var type2Dimensions = Manifest(warehouse).Nodes.Where(n => n.Scd == 2).ToList();
        Assert.NotEmpty(type2Dimensions);
        foreach (var type2 in type2Dimensions)
        {
            string businessKey = type2.ColumnList.Single(c => c.Role == "business_key").Name;
            Assert.True(await CountAsync(warehouse, $"SELECT count(*) - count(DISTINCT {businessKey}) FROM {type2.Id}") > 0, $"{type2.Id} kept no history");
        }

        // Its duplicates were de-duplicated, not loaded twice: one row per key in every staging table.
        foreach (var staging in Manifest(warehouse).Nodes.Where(n => n.Kind == "staging"))
            Assert.Equal(0L, await CountAsync(warehouse, $"SELECT count(*) - count(DISTINCT {staging.Key}) FROM {staging.Id}"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        using var one = new SyntheticModelWarehouse();
        using var two = new SyntheticModelWarehouse();

        await one.RunAsync("generate", "--seed", "7", "--scale", "0.5");
        await two.RunAsync("generate", "--seed", "7", "--scale", "0.5");
        var sameSeed = two.LakeFiles();
        Directory.Delete(two.Lake, recursive: true);
        await two.RunAsync("generate", "--seed", "8", "--scale", "0.5");

        Assert.Equal(one.LakeFiles().Keys, sameSeed.Keys);
        Assert.All(one.LakeFiles(), file => Assert.Equal(file.Value, sameSeed[file.Key]));
        Assert.Contains(two.LakeFiles(), file => !file.Value.AsSpan().SequenceEqual(sameSeed[file.Key]));
    }

    [Fact]
    public async Task Bad_rows_land_in_quarantine_with_the_rule_they_break()
    {
        using var warehouse = new SyntheticModelWarehouse();

        var deploy = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--bad-rows", "0.01");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        var manifest = Manifest(warehouse);
        foreach (var plan in ModelRelationships.Plan(manifest).Where(p => p.Key is not null))
        {
            var staging = manifest.Nodes.Single(n => n.Kind == "staging" && n.Dependencies.Contains(plan.Id));
            string rule = BadRows.ColumnOf(plan)!.Value.Rule;
            long bad = await CountAsync(warehouse,
                $"SELECT count(*) FROM {staging.Quarantine} WHERE CAST({plan.Key} AS BIGINT) >= {BatchContents.FirstBadId} AND _rule = '{rule}'");
            Assert.True(bad > 0, $"{staging.Quarantine}: no bad row quarantined by {rule}");
            Assert.Equal(0L, await CountAsync(warehouse, $"SELECT count(*) FROM {staging.Id} WHERE {plan.Key} >= {BatchContents.FirstBadId}"));
        }
    }

    [Fact]
    public async Task A_bad_rows_rate_outside_0_to_1_is_refused()
    {
        using var warehouse = new SyntheticModelWarehouse(models: 6);

        var rate = await warehouse.RunAsync("generate", "--bad-rows", "2");

        Assert.Equal(1, rate.ExitCode);
        Assert.Equal("error: --bad-rows must be a rate from 0 to 1 (got 2)", rate.Error.TrimEnd());
    }

    private static WarehouseManifest Manifest(SyntheticModelWarehouse warehouse) =>
        ManifestLoader.Load(new FolderArtifactSource(warehouse.Artifacts));

    private static async Task<long> CountAsync(SyntheticModelWarehouse warehouse, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouse.DuckDbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
