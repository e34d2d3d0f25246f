using System.Text.Json;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Deploy.Cli;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>Where a Banking test deploys: the CLI arguments that select it, and a way to read it back.</summary>
public abstract class BankingTarget
{
    public abstract string Name { get; }

    public abstract string[] Arguments { get; }

    /// <summary>Every value cast to VARCHAR by the engine, so both engines' canonical text can be compared.</summary>
    public abstract Task<List<string[]>> QueryAsync(string sql);

    public async Task<long> CountAsync(string sql) => long.Parse((await QueryAsync(sql))[0][0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Full contents of every table and view of a schema: table -> rows (all columns as text, sorted).</summary>
    public async Task<SortedDictionary<string, List<string>>> DumpAsync(params string[] schemas)
    {
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            var tables = await QueryAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}' AND table_type IN ('BASE TABLE', 'VIEW')");
            foreach (var table in tables.Select(t => t[0]))
            {
                var columns = (await QueryAsync($"SELECT column_name FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = '{table}' ORDER BY ordinal_position"))
                    .Select(c => c[0]).ToList();
                string select = string.Join(", ", columns.Select(c => $"CAST(\"{c}\" AS VARCHAR)"));
                var rows = (await QueryAsync($"SELECT {select} FROM \"{schema}\".\"{table}\""))
                    .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
                dump[$"{schema}.{table}({string.Join(',', columns)})"] = rows;
            }
        }

        return dump;
    }
}

public sealed class DuckDbTarget(string path) : BankingTarget
{
    public override string Name => "duckdb";

    public override string[] Arguments => ["--database", path];

    public override async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}

public sealed class PostgresTarget(string connectionString) : BankingTarget
{
    public string ConnectionString => connectionString;

    public override string Name => "postgres";

    public override string[] Arguments => ["--target", "postgres", "--connection", connectionString];

    public override async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}

/// <summary>
/// The real Banking sample in a temp folder: a copy of samples/Banking/warehouse (manifest, DuckDB and PostgreSQL
/// SQL, as the build wrote them) that a test may break on purpose, and lakes of its own.
/// </summary>
public sealed class BankingWarehouse : IDisposable
{
    public BankingWarehouse()
    {
        Root = Directory.CreateTempSubdirectory("warehouse-banking-").FullName;
        string source = Repository.BankingWarehouse;
        if (!File.Exists(Path.Combine(source, "manifest.json")))
            throw new InvalidOperationException($"{source} has no manifest.json: build samples/Banking first");
        File.Copy(Path.Combine(source, "manifest.json"), Path.Combine(Artifacts, "manifest.json").CreateParent());
        foreach (var dialect in new[] { "duckdb", "postgres" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, dialect), "*.sql", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(Artifacts, Path.GetRelativePath(source, file)).CreateParent());
        }

        Manifest = ManifestLoader.Load(new FolderArtifactSource(Artifacts));
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "warehouse");

    public string Lake => Path.Combine(Root, "lake");

    public WarehouseManifest Manifest { get; }

    public string DuckDbPath(string name = "banking") => Path.Combine(Root, name + ".duckdb");

    public string LakeFile(string relative, string? lake = null) => Path.Combine(lake ?? Lake, relative.Replace('/', Path.DirectorySeparatorChar));

    public void WriteLakeFile(string relative, params string[] lines) =>
        File.WriteAllText(LakeFile(relative).CreateParent(), string.Join("\r\n", lines) + "\r\n");

    public IEnumerable<string[]> ReadLakeFile(string relative) =>
        File.ReadLines(LakeFile(relative)).Skip(1).Select(l => l.Split('|'));

    /// <summary>Runs the CLI in-process as the sample's Main does (with its data generator), with --artifacts (and --lake unless <paramref name="lake"/> is "") set.</summary>
    public async Task<CliRun> RunAsync(BankingTarget? target, string[] args, string? lake = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Root, _ => null, Interactive: false);
        string[] all = [.. args, .. target?.Arguments ?? [], "--artifacts", Artifacts, .. lake == "" ? Array.Empty<string>() : ["--lake", lake ?? Lake]];
        int exitCode = await WarehouseCli.RunAsync(all, null, Banking.BankingRunner.Extensions, environment, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliRun> DeployAsync(BankingTarget target, string asOf, string? lake = null) =>
        RunAsync(target, ["deploy", "--as-of", asOf], lake);

    public JsonDocument RunResults() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, ResultsFile.FileName)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still mapped by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Error}\n{Out}";
}

internal static class PathExtensions
{
    public static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
