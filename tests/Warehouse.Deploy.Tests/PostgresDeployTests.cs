using Npgsql;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests;

[Collection(PostgresServer.Collection)]
public sealed class PostgresDeployTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Deploys_with_binary_copy_and_loads_each_file_once()
    {
        server.Require();
        using var warehouse = new TestWarehouse();
        string connection = await server.CreateDatabaseAsync();

        var first = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", connection);
        // Non-ASCII text, an empty (NULL) field and a long value go through the binary COPY encoder.
        string longValue = new('x', 100_000);
        warehouse.WriteLakeFile("dim_accounts_batch2.csv", TestWarehouse.Header, "3|1|1|Épargne – Zoë ✓|10.50|300", $"4||{longValue}|Savings|1|300");
        var second = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", connection);

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT count(*) FROM bronze.accounts"));
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT count(*) FROM gold.dim_accounts"));
        Assert.Equal("landing/dim_accounts/dim_accounts.csv,landing/dim_accounts/dim_accounts_batch2.csv",
            await ScalarAsync(connection, "SELECT string_agg(path, ',' ORDER BY path) FROM _warehouse.loaded_files"));
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM bronze.accounts WHERE _source_file = 'landing/dim_accounts/dim_accounts_batch2.csv'"));
        // _source_file is filled through a column default that lives only during each file's COPY.
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM bronze.accounts WHERE _source_file = 'landing/dim_accounts/dim_accounts.csv'"));
        Assert.Equal(DBNull.Value, await ScalarAsync(connection,
            "SELECT column_default FROM information_schema.columns WHERE table_schema = 'bronze' AND table_name = 'accounts' AND column_name = '_source_file'"));
        Assert.Equal("Épargne – Zoë ✓", await ScalarAsync(connection, "SELECT account_type FROM bronze.accounts WHERE account_id = '3'"));
        Assert.Equal(true, await ScalarAsync(connection, "SELECT customer_id IS NULL FROM bronze.accounts WHERE account_id = '4'"));
        Assert.Equal(longValue, await ScalarAsync(connection, "SELECT account_number FROM bronze.accounts WHERE account_id = '4'"));
    }

    [SkippableFact]
    public async Task Failing_gold_statement_rolls_back_gold()
    {
        server.Require();
        using var warehouse = new TestWarehouse();
        string connection = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", connection)).ExitCode);
        warehouse.WriteSql("postgres/gold/dim_accounts.sql",
            "DROP TABLE gold.dim_accounts;\nCREATE TABLE gold.dim_accounts AS SELECT 1 AS account_id;\nSELECT 1/0;\n");

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", connection);

        Assert.Equal(5, exitCode);
        Assert.Contains("gold.dim_accounts: statement 3 of 3 failed", error, StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM gold.dim_accounts"));
    }

    [SkippableFact]
    public async Task Second_deploy_while_one_runs_gets_the_lock_message()
    {
        server.Require();
        using var warehouse = new TestWarehouse();
        string connection = await server.CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(connection);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(1464357701)", holder))
            await take.ExecuteScalarAsync();

        var (exitCode, _, error) = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", connection);

        Assert.Equal(4, exitCode);
        Assert.Matches(@"^error: another deploy is running on postgres://postgres@127\.0\.0\.1:\d+/test_\w+ since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", error.Trim());
    }

    [SkippableFact]
    public async Task Wrong_password_and_unreachable_server_are_one_masked_line()
    {
        server.Require();
        using var warehouse = new TestWarehouse();

        var unreachable = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection",
            "Host=127.0.0.1;Port=1;Username=u;Password=s3cret;Database=d");
        var unknownUser = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection",
            server.ConnectionString.Replace("Username=postgres", "Username=nobody", StringComparison.Ordinal).Replace(PostgresServer.Password, "s3cret", StringComparison.Ordinal));
        var wrongPassword = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection",
            server.ConnectionString.Replace(PostgresServer.Password, "s3cret", StringComparison.Ordinal));

        Assert.True(unreachable.ExitCode == 2, unreachable.Error + unreachable.Out);
        Assert.StartsWith("error: cannot reach postgres://u@127.0.0.1:1/d", unreachable.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownUser.ExitCode);
        Assert.Single(unknownUser.Error.Trim().Split('\n'));
        Assert.Equal(2, wrongPassword.ExitCode);
        Assert.Single(wrongPassword.Error.Trim().Split('\n'));
        Assert.Contains("authentication failed", wrongPassword.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", unreachable.Error + unreachable.Out + unknownUser.Error + unknownUser.Out + wrongPassword.Error + wrongPassword.Out, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
