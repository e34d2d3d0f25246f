using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// Proof on models that are not Banking: three models of different shapes, compiled in-process by the generator from
/// C# sources, get data from the runner's default generator, deploy on DuckDB and on PostgreSQL with every
/// error-severity test passing, and publish the same gold on both engines, row by row.
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

        // One lake, two engines: both deploys read the same generated files.
        var generate = await warehouse.RunAsync("generate", "--scale", "0.5");
        var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var pg = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-01");

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.True(duckdb.ExitCode == 0, duckdb.ToString());
        Assert.True(pg.ExitCode == 0, pg.ToString());
        var manifest = ManifestLoader.Load(new FolderArtifactSource(warehouse.Artifacts));
        Assert.Contains(manifest.Nodes, n => n.Kind == "test" && n.IsErrorSeverity);

        IReadOnlyDictionary<string, IReadOnlyList<string[]>> duckGold, pgGold;
        await using (var connection = new DuckDBConnection($"Data Source={warehouse.DuckDbPath}"))
        {
            await connection.OpenAsync();
            duckGold = await GoldTables.ReadAsync(manifest, connection);
        }

        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            pgGold = await GoldTables.ReadAsync(manifest, connection);
        }

        Assert.All(duckGold, table => Assert.True(table.Value.Count > 0, $"{table.Key} is empty on DuckDB"));
        // Equal gold proves little if every lookup fell to the unknown member: each reference finds known members.
        foreach (var fact in manifest.Nodes.Where(n => n.Kind == "fact"))
        {
            var columns = fact.ColumnList.ToList();
            foreach (var reference in columns.Where(c => c.References is not null))
            {
                int at = columns.IndexOf(reference);
                Assert.True(duckGold[fact.Id].Any(row => row[at] != "-1"), $"{fact.Id}.{reference.Name}: every row has the unknown member");
            }
        }

        Assert.Null(GoldTables.FirstDifference(manifest, "duckdb", duckGold, "postgres", pgGold));
    }
}
