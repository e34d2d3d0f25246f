using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Deploy.Sql;
using Warehouse.Testing;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// End to end on <see cref="HostileTextModel"/>: it builds, every SQL file of every dialect holds as many statements
/// as the same model with harmless text, it deploys on DuckDB and PostgreSQL with the text intact as data (the
/// quarantine's rule and reason, accepted values, a default, a SQL model's literal), and its dbt project renders with
/// Jinja (../shared/checks/render-dbt) with the model's text coming back as text, in comments and in the YAML.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class HostileTextTests(PostgresServer server)
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["lake_root"] = "/lake", ["batch_at"] = "2025-01-01 00:00:00", ["processed_files"] = "", ["glue_database"] = "glue", ["redshift_iam_role"] = "role",
    };

    [Fact]
    public void Every_dialect_has_the_statements_of_the_harmless_model_and_no_text_outside_comments_and_literals()
    {
        using var hostile = new SyntheticModelWarehouse(HostileTextModel.Sources(hostile: true));
        using var benign = new SyntheticModelWarehouse(HostileTextModel.Sources(hostile: false));

        var files = SqlFiles(hostile.Artifacts);
        Assert.Equal(SqlFiles(benign.Artifacts).Keys, files.Keys);
        foreach (var (path, text) in files)
        {
            // The runner's reading: variables substituted (an unknown one throws), then split on ';' outside quotes and comments.
            var statements = SqlScriptSplitter.Split(SqlVariables.Substitute(text, Variables, path));
            var expected = SqlScriptSplitter.Split(SqlVariables.Substitute(File.ReadAllText(Path.Combine(benign.Artifacts, path)), Variables, path));
            Assert.True(expected.Count == statements.Count, $"{path}: {statements.Count} statements, the compiler's templates write {expected.Count}");
            Assert.DoesNotContain(statements, s => Code(s).StartsWith("DROP TABLE gold.sales", StringComparison.Ordinal));
        }

        var fact = files["duckdb/gold/sales.sql"];
        Assert.Contains("-- Orders.\n-- DROP TABLE gold.sales; --\n", fact, StringComparison.Ordinal);
        Assert.Contains("-- One row per order.\n-- DROP TABLE gold.sales; --\n", fact.Replace("-- Grain: One", "-- One", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("'x\\\\''; DROP TABLE gold.sales;", files["redshift/silver/orders.sql"], StringComparison.Ordinal);
        Assert.Contains("E'x\\\\''; DROP TABLE gold.sales;", files["postgres/silver/orders.sql"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Deploys_on_DuckDB_and_PostgreSQL_with_the_text_intact_as_data()
    {
        server.Require();
        using var warehouse = new SyntheticModelWarehouse(HostileTextModel.Sources(hostile: true));
        WriteLake(warehouse.Lake);
        string postgres = await server.CreateDatabaseAsync();

        var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var pg = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-01");
        Assert.True(duckdb.ExitCode == 0, $"DuckDB: {duckdb}");
        Assert.True(pg.ExitCode == 0, $"PostgreSQL: {pg}");

        await using (var connection = new DuckDBConnection($"Data Source={warehouse.DuckDbPath}"))
        {
            await connection.OpenAsync();
            await AssertTextIntactAsync(connection);
        }

        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await AssertTextIntactAsync(connection);
        }
    }

    [SkippableFact]
    public async Task The_dbt_project_renders_and_gives_the_text_back_as_text()
    {
        using var warehouse = new SyntheticModelWarehouse(HostileTextModel.Sources(hostile: true));
        var dbt = Path.Combine(warehouse.Artifacts, "dbt");
        var check = Path.Combine(Repository.Root, "..", "shared", "checks", "render-dbt");
        Skip.IfNot(File.Exists(check), "../shared/checks/render-dbt is not beside the checkout");

        var (exitCode, output) = await RunAsync(check, dbt);
        Skip.If(exitCode == 2, $"render-dbt cannot run here: {output}");
        Assert.True(exitCode == 0, output);

        var (renderCode, rendered) = await RunAsync("python3", "-c", RenderScript, dbt);
        Skip.If(renderCode != 0 && rendered.Contains("ModuleNotFoundError", StringComparison.Ordinal), rendered);
        Assert.True(renderCode == 0, rendered);
        var result = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(rendered)!;

        // Each description comes back from dbt's YAML and Jinja exactly, and each model's comment keeps the tags as text.
        Assert.NotEmpty(result["descriptions"]);
        Assert.All(result["descriptions"], d => Assert.Equal(HostileTextModel.Description, d));
        Assert.All(result["models"], model => Assert.Contains("{{unknown_variable}} {{{ 7*7 }}} {% if true %}jinja{% endif %} {# c #}", model, StringComparison.Ordinal));
        Assert.Contains(HostileTextModel.Cities.Select(c => "'" + c.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"), v => result["accepted_values"].Contains(v));
    }

    /// <summary>Renders every model with jinja2 (stub dbt context) and every YAML description as dbt does (YAML first, then Jinja per value).</summary>
    private const string RenderScript = """
        import sys, os, glob, json, yaml, jinja2
        root = sys.argv[1]
        env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        ctx = dict(ref=lambda *a, **k: a[-1], source=lambda s, t: s + '.' + t, config=lambda *a, **k: '', is_incremental=lambda: False,
                   var=lambda n, d=None: 'x', this='this', warehouse_batch_at=lambda: 'now')
        models = [env.from_string(open(f).read()).render(**ctx) for f in sorted(glob.glob(os.path.join(root, 'models', '*', '*.sql')))]
        descriptions, accepted = [], []
        def walk(node):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == 'description' and isinstance(v, str) and 'benign' not in v and v.startswith('Orders'):
                        descriptions.append(env.from_string(v).render())
                    if k == 'accepted_values':
                        accepted.extend(env.from_string(x).render() for x in v['values'])
                    walk(v)
            elif isinstance(node, list):
                for v in node: walk(v)
        for f in glob.glob(os.path.join(root, '**', '*.yml'), recursive=True):
            walk(yaml.safe_load(open(f, encoding='utf-8')))
        print(json.dumps({'models': [m for m in models if 'Orders.' in m], 'descriptions': descriptions, 'accepted_values': accepted}))
        """;

    private static async Task AssertTextIntactAsync(System.Data.Common.DbConnection connection)
    {
        Assert.Equal([(HostileTextModel.RuleName, HostileTextModel.RuleReason)], await RowsAsync(connection, "SELECT \"_rule\", \"_reason\" FROM \"silver\".\"orders__quarantine\""));
        var cities = (await RowsAsync(connection, "SELECT \"city\", '' FROM \"gold\".\"customer\" WHERE \"customer_key\" <> -1 ORDER BY \"customer_id\"")).Select(r => r.Item1).ToList();
        Assert.Equal([.. HostileTextModel.Cities[..2], HostileTextModel.DefaultCity], cities);
        Assert.All(await RowsAsync(connection, "SELECT \"note\", '' FROM \"gold\".\"sales_notes\""), r => Assert.Equal(HostileTextModel.Note, r.Item1));
    }

    private static async Task<List<(string, string)>> RowsAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>Three customers (the third's city defaulted) and three orders, one of which fails the rule.</summary>
    private static void WriteLake(string lake)
    {
        Directory.CreateDirectory(Path.Combine(lake, "raw", "customers"));
        Directory.CreateDirectory(Path.Combine(lake, "raw", "orders"));
        File.WriteAllText(Path.Combine(lake, "raw", "customers", "raw_customers_1.csv"),
            $"customer_id,name,city\n1,Ann,{HostileTextModel.Cities[0]}\n2,Bob,{HostileTextModel.Cities[1]}\n3,Cy,\n");
        File.WriteAllText(Path.Combine(lake, "raw", "orders", "raw_orders_1.csv"), "order_id,customer_id,amount\n10,1,5.00\n11,2,-1.00\n12,3,7.50\n");
    }

    private static SortedDictionary<string, string> SqlFiles(string artifacts) => new(
        new[] { "duckdb", "postgres", "redshift" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(artifacts, d), "*.sql", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(artifacts, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    /// <summary>A statement without its leading comment lines.</summary>
    private static string Code(string statement) =>
        string.Join("\n", statement.Split('\n').SkipWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
