using System.Text.Json;
using DuckDB.NET.Data;
using Warehouse.Deploy.Engines.DuckDb;

namespace Warehouse.Deploy.Tests;

public sealed class DuckDbDeployTests
{
    [Fact]
    public async Task Deploys_source_view_table_and_test_end_to_end()
    {
        using var warehouse = new TestWarehouse();

        var (exitCode, output, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2024-06-30");

        Assert.True(exitCode == 0, error + output);
        Assert.Equal(2L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.dim_accounts"));
        Assert.Equal("landing/dim_accounts/dim_accounts.csv", await ScalarAsync(warehouse.DuckDbPath, "SELECT min(_source_file) FROM bronze.accounts"));
        Assert.Equal(new DateTime(2024, 6, 30), await ScalarAsync(warehouse.DuckDbPath, "SELECT min(_batch_at) FROM silver.stg_accounts"));
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(warehouse.Artifacts, "run_results.json")));
        Assert.Equal("success", results.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, results.RootElement.GetProperty("nodes").GetArrayLength());
        Assert.Equal("pass", results.RootElement.GetProperty("tests")[0].GetProperty("status").GetString());
        Assert.Contains("tests: 1 passed, 0 failed, 0 warned", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_error_test_exits_3_and_keeps_published_gold()
    {
        using var warehouse = new TestWarehouse();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath)).ExitCode);
        warehouse.WriteLakeFile("dim_accounts_batch2.csv", TestWarehouse.Header, "3|1|1|Checking|-5.00|300");

        var (exitCode, output, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(3, exitCode);
        Assert.Contains("1 test(s) failed", error, StringComparison.Ordinal);
        Assert.Contains("-5.00", output, StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.dim_accounts"));
    }

    [Fact]
    public async Task Failing_gold_statement_exits_5_and_rolls_back_gold()
    {
        using var warehouse = new TestWarehouse();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath)).ExitCode);
        warehouse.WriteSql("duckdb/gold/dim_accounts.sql",
            "DROP TABLE gold.dim_accounts;\nCREATE TABLE gold.dim_accounts AS SELECT 1 AS account_id;\nSELECT * FROM missing_table;\n");

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(5, exitCode);
        Assert.StartsWith("error: gold.dim_accounts: statement 3 of 3 failed (SELECT * FROM missing_table)", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(2L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(*) FROM gold.dim_accounts"));
    }

    [Fact]
    public async Task Too_small_memory_limit_names_the_setting_that_fixes_it()
    {
        using var warehouse = new TestWarehouse();
        var tooSmall = new Dictionary<string, string> { [DuckDbOptions.MemoryLimitVariable] = "8MB" };

        var (exitCode, _, error) = await warehouse.RunAsync(tooSmall, "deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(5, exitCode);
        Assert.Contains("Out of Memory", error, StringComparison.Ordinal);
        Assert.Contains($"DuckDB's memory_limit is 8MB; raise it with {DuckDbOptions.MemoryLimitVariable}", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Second_deploy_while_one_runs_gets_the_lock_message()
    {
        using var warehouse = new TestWarehouse();
        var engine = new DuckDbEngine(new DuckDbOptions(warehouse.DuckDbPath));
        await using var held = await engine.AcquireDeployLockAsync(CancellationToken.None);

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(4, exitCode);
        Assert.Matches(@"^error: another deploy is running on duckdb:.*test\.duckdb since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", error.Trim());
    }

    [Fact]
    public async Task Analyze_status_and_plan_read_the_target()
    {
        using var warehouse = new TestWarehouse();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath)).ExitCode);

        var analyze = await warehouse.RunAsync("analyze", "--database", warehouse.DuckDbPath, "--format", "csv");
        var status = await warehouse.RunAsync("status", "--database", warehouse.DuckDbPath);
        var plan = await warehouse.RunAsync("plan", "--database", warehouse.DuckDbPath);

        Assert.Equal("account_type,accounts\nChecking,1\nSavings,1\n", analyze.Out.ReplaceLineEndings("\n"));
        Assert.Contains("deploy", status.Out, StringComparison.Ordinal);
        Assert.Contains("success", status.Out, StringComparison.Ordinal);
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("no changes", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_dropped_behind_the_runners_back_is_planned_and_rebuilt()
    {
        using var warehouse = new TestWarehouse();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath)).ExitCode);
        await ScalarAsync(warehouse.DuckDbPath, "ALTER TABLE gold.dim_accounts DROP COLUMN account_type");

        var plan = await warehouse.RunAsync("plan", "--database", warehouse.DuckDbPath);
        var deploy = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);
        var after = await warehouse.RunAsync("plan", "--database", warehouse.DuckDbPath);

        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("column account_type was dropped outside the runner", plan.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Equal(2L, await ScalarAsync(warehouse.DuckDbPath, "SELECT count(account_type) FROM gold.dim_accounts"));
        Assert.Contains("no changes", after.Out, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
