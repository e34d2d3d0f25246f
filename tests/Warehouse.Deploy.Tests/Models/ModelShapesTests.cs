using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// Proof on models that are not Banking: three models of different shapes, compiled in-process by the generator from
/// C# sources, get data from the runner's default generator, deploy on DuckDB and on PostgreSQL with every
/// error-severity test passing, and publish the same gold on both engines, row by row, after the first batch and
/// after the second (changes, late members, duplicates: type-2 history and incremental merges), with a plan of no
/// changes right after each deploy.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class ModelShapesTests(PostgresServer server)
{
    public static TheoryData<string> Models => new() { "synthetic-30", "retail", "raw-files" };

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public async Task Generated_data_deploys_on_DuckDB_and_PostgreSQL_with_the_same_gold(string model)
    {
        server.Require();
        using var warehouse = model switch
        {
            "synthetic-30" => new SyntheticModelWarehouse(30),
            "retail" => new SyntheticModelWarehouse(RetailModel.Sources),
            "raw-files" => new SyntheticModelWarehouse(RawFilesModel.Sources),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "no such model"),
        };
        string postgres = await server.CreateDatabaseAsync();
        var manifest = ManifestLoader.Load(new FolderArtifactSource(warehouse.Artifacts));
        Assert.Contains(manifest.Nodes, n => n.Kind == "test" && n.IsErrorSeverity);

        foreach (var (batch, asOf) in new[] { ("1", "2025-01-01"), ("2", "2025-01-02") })
        {
            // One lake, two engines: both deploys read the same generated files.
            var generate = await warehouse.RunAsync("generate", "--batch", batch, "--scale", "0.5");
            var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", asOf);
            var pg = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", asOf);

            // A failing error-severity test fails the deploy (exit code 3, nothing published), so exit code 0 says they all passed.
            Assert.True(generate.ExitCode == 0, generate.ToString());
            Assert.True(duckdb.ExitCode == 0, $"batch {batch}, DuckDB: {duckdb}");
            Assert.True(pg.ExitCode == 0, $"batch {batch}, PostgreSQL: {pg}");
            foreach (string[] target in new[] { new[] { "--database", warehouse.DuckDbPath }, ["--target", "postgres", "--connection", postgres] })
            {
                var plan = await warehouse.RunAsync(["plan", "--format", "json", .. target]);
                Assert.True(plan.ExitCode == 0 && plan.Out.Trim() == "[]", $"batch {batch}, plan right after the deploy: {plan}");
            }

            var duckGold = await ReadDuckDbAsync(manifest, warehouse.DuckDbPath);
            var pgGold = await ReadPostgresAsync(manifest, postgres);

            Assert.All(duckGold, table => Assert.True(table.Value.Rows.Count > 1, $"{table.Key} holds no member or event on DuckDB"));
            AssertLookupsFindMembers(manifest, duckGold);
            string? difference = GoldTables.FirstDifference("duckdb", duckGold, "postgres", pgGold);
            Assert.True(difference is null, $"batch {batch}: {difference}");
        }
    }

    [Fact]
    public void A_difference_names_the_table_the_column_and_the_first_differing_row()
    {
        var duck = new Dictionary<string, GoldTable> { ["gold.t"] = new(["id", "amount"], [["1", "10.5"], ["2", "3"]]) };
        var pg = new Dictionary<string, GoldTable> { ["gold.t"] = new(["id", "amount"], [["1", "10.5"], ["2", "3.01"]]) };

        Assert.Null(GoldTables.FirstDifference("duckdb", duck, "postgres", duck));
        Assert.Equal("gold.t.amount differs at sorted row 2: duckdb (2, 3) vs postgres (2, 3.01)", GoldTables.FirstDifference("duckdb", duck, "postgres", pg));
        Assert.Equal("10.5", GoldTables.Canonical(10.50m, "DECIMAL"));
        Assert.Equal("2025-01-02", GoldTables.Canonical(new DateTime(2025, 1, 2), "DATE"));
        Assert.Equal("2025-01-02 03:04:05.000000", GoldTables.Canonical(new DateTime(2025, 1, 2, 3, 4, 5), null));
    }

    /// <summary>Equal gold proves little if every lookup fell to the unknown member (-1): each reference finds known members.</summary>
    private static void AssertLookupsFindMembers(WarehouseManifest manifest, IReadOnlyDictionary<string, GoldTable> gold)
    {
        foreach (var fact in manifest.Nodes.Where(n => n.Kind == "fact"))
        {
            var table = gold[fact.Id];
            foreach (var reference in fact.ColumnList.Where(c => c.References is not null))
            {
                int at = table.Columns.ToList().IndexOf(reference.Name);
                Assert.True(table.Rows.Any(row => row[at] != "-1"), $"{fact.Id}.{reference.Name}: every row has the unknown member");
            }
        }
    }

    private static async Task<IReadOnlyDictionary<string, GoldTable>> ReadDuckDbAsync(WarehouseManifest manifest, string path)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        return await GoldTables.ReadAsync(manifest, connection);
    }

    private static async Task<IReadOnlyDictionary<string, GoldTable>> ReadPostgresAsync(WarehouseManifest manifest, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await GoldTables.ReadAsync(manifest, connection);
    }
}
