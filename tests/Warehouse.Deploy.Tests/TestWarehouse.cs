using System.Text.Json;
using Warehouse.Deploy.Cli;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// A tiny hand-written warehouse in a temp folder: one source (accounts), a silver table, a gold table and an
/// error-severity test, for both DuckDB and PostgreSQL, plus a lake with one small accounts file.
/// </summary>
public sealed class TestWarehouse : IDisposable
{
    public const string Header = "account_id|customer_id|account_number|account_type|account_balance|credit_score";

    public TestWarehouse()
    {
        Root = Directory.CreateTempSubdirectory("warehouse-test-").FullName;
        WriteManifest();
        WriteSql();
        WriteLakeFile("dim_accounts.csv", Header, "1|14|9128232815|Checking|492801.64|452", "2|9|7167937685|Savings|293742.79|822");
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "warehouse");

    public string Lake => Path.Combine(Root, "lake");

    public string DuckDbPath => Path.Combine(Root, "test.duckdb");

    public void WriteLakeFile(string name, params string[] lines)
    {
        string path = Path.Combine(Lake, "landing", "dim_accounts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
    }

    public void WriteSql(string relativePath, string sql)
    {
        string path = Path.Combine(Artifacts, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sql);
    }

    /// <summary>Runs the CLI in-process with --artifacts and --lake pointing here; returns exit code and both outputs.</summary>
    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>The same, with environment variables as the CLI would read them.</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Root, name => variables.GetValueOrDefault(name), Interactive: false);
        string[] all = [.. args, "--artifacts", Artifacts, "--lake", Lake];
        int exitCode = await WarehouseCli.RunAsync(all, null, environment, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private void WriteManifest()
    {
        string[] columns = ["account_id", "customer_id", "account_number", "account_type", "account_balance", "credit_score"];
        object Sql(string path) => new Dictionary<string, string> { ["duckdb"] = $"duckdb/{path}", ["postgres"] = $"postgres/{path}" };
        var manifest = new
        {
            format = "warehouse-manifest/2",
            project = "Test",
            dialects = new[] { "duckdb", "postgres" },
            setup = new Dictionary<string, string> { ["duckdb"] = "duckdb/_setup.sql", ["postgres"] = "postgres/_setup.sql" },
            variables = new Dictionary<string, string[]> { ["duckdb"] = ["batch_at", "lake_root"], ["postgres"] = ["batch_at"] },
            bookkeeping = TestManifests.Bookkeeping,
            aws = TestManifests.Aws,
            nodes = new object[]
            {
                new
                {
                    id = "bronze.accounts", kind = "source", layer = "bronze", schema = "bronze", name = "accounts",
                    materialization = "source",
                    columns = columns.Select(c => new { name = c, type = TestManifests.Varchar(100), nullable = true }).ToArray(),
                    source = new { prefix = "landing/dim_accounts/", file_pattern = "dim_accounts*.csv", delimiter = "|", header = true },
                    depends_on = Array.Empty<string>(), sql = Sql("bronze/accounts.sql"),
                },
                new
                {
                    id = "gold.dim_accounts", kind = "dimension", layer = "gold", schema = "gold", name = "dim_accounts",
                    materialization = "table",
                    columns = new[] { new { name = "account_id", type = TestManifests.BigInt, nullable = false }, new { name = "account_balance", type = TestManifests.Decimal(18, 2), nullable = false } },
                    depends_on = new[] { "silver.stg_accounts" }, sql = Sql("gold/dim_accounts.sql"), publish_group = "gold",
                },
                new
                {
                    id = "silver.stg_accounts", kind = "staging", layer = "silver", schema = "silver", name = "stg_accounts",
                    materialization = "table",
                    columns = new[] { new { name = "account_id", type = TestManifests.BigInt, nullable = false }, new { name = "account_balance", type = TestManifests.Decimal(18, 2), nullable = false } },
                    depends_on = new[] { "bronze.accounts" }, sql = Sql("silver/stg_accounts.sql"),
                },
                new
                {
                    id = "tests.dim_accounts_balance_not_negative", kind = "test", layer = "gold", schema = "tests",
                    name = "dim_accounts_balance_not_negative", materialization = "test", severity = "error",
                    attached_to = "gold.dim_accounts", depends_on = new[] { "gold.dim_accounts" },
                    sql = Sql("tests/dim_accounts_balance_not_negative.sql"),
                },
                new
                {
                    id = "analyses.balance_by_type", kind = "analysis", layer = "gold", schema = "analyses", name = "balance_by_type",
                    materialization = "analysis", depends_on = new[] { "gold.dim_accounts" }, sql = Sql("analyses/balance_by_type.sql"),
                },
            },
        };
        Directory.CreateDirectory(Artifacts);
        File.WriteAllText(Path.Combine(Artifacts, "manifest.json"), JsonSerializer.Serialize(manifest));
    }

    private void WriteSql()
    {
        const string setup = "CREATE SCHEMA IF NOT EXISTS bronze;\nCREATE SCHEMA IF NOT EXISTS silver;\nCREATE SCHEMA IF NOT EXISTS gold;\nCREATE SCHEMA IF NOT EXISTS _warehouse;\n";
        const string silver = "-- typed copy of bronze\nDROP TABLE IF EXISTS silver.stg_accounts;\n" +
            "CREATE TABLE silver.stg_accounts AS SELECT CAST(account_id AS BIGINT) AS account_id, CAST(account_balance AS DECIMAL(18,2)) AS account_balance, " +
            "account_type, CAST('{{batch_at}}' AS TIMESTAMP) AS _batch_at FROM bronze.accounts;\n";
        const string gold = "DROP TABLE IF EXISTS gold.dim_accounts;\nCREATE TABLE gold.dim_accounts AS SELECT account_id, account_balance, account_type FROM silver.stg_accounts;\n";
        const string test = "SELECT account_id, account_balance FROM gold.dim_accounts WHERE account_balance < 0\n";
        const string analysis = "SELECT account_type, count(*) AS accounts FROM gold.dim_accounts GROUP BY account_type ORDER BY account_type;\n";
        foreach (var dialect in new[] { "duckdb", "postgres" })
        {
            // As the compiler's: _setup.sql creates the table the PostgreSQL bulk loader records its files in.
            WriteSql($"{dialect}/_setup.sql", dialect == "postgres"
                ? setup + "CREATE TABLE IF NOT EXISTS _warehouse.loaded_files (path TEXT PRIMARY KEY, source TEXT NOT NULL, row_count BIGINT NOT NULL, " +
                  "loaded_at TIMESTAMPTZ NOT NULL DEFAULT now());\n"
                : setup);
            WriteSql($"{dialect}/silver/stg_accounts.sql", silver);
            WriteSql($"{dialect}/gold/dim_accounts.sql", gold);
            WriteSql($"{dialect}/tests/dim_accounts_balance_not_negative.sql", test);
            WriteSql($"{dialect}/analyses/balance_by_type.sql", analysis);
        }

        WriteSql("duckdb/bronze/accounts.sql",
            "CREATE OR REPLACE VIEW bronze.accounts AS\nSELECT * EXCLUDE (filename), replace(filename, '{{lake_root}}/', '') AS _source_file\n" +
            "FROM read_csv('{{lake_root}}/landing/dim_accounts/dim_accounts*.csv', delim = '|', header = true, all_varchar = true, filename = true);\n");
        WriteSql("postgres/bronze/accounts.sql",
            "CREATE TABLE IF NOT EXISTS bronze.accounts (account_id TEXT, customer_id TEXT, account_number TEXT, account_type TEXT, " +
            "account_balance TEXT, credit_score TEXT, _source_row BIGINT, _source_file TEXT);\n");
    }

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
