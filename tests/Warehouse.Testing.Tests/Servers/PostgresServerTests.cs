using Npgsql;
using Warehouse.Testing.Servers;
using Xunit;

namespace Warehouse.Testing.Tests.Servers;

[Collection(PostgresServer.Collection)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Runs_a_real_server()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);

        Assert.StartsWith("PostgreSQL ", (string?)await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task Each_test_database_is_fresh_and_separate()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        await ExecuteAsync(first, "CREATE TABLE accounts (id int)");

        Assert.Equal(1L, await ExecuteAsync(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"));
        Assert.Equal(0L, await ExecuteAsync(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"));
    }

    static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
