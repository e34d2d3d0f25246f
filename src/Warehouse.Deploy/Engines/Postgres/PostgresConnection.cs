using Npgsql;

namespace Warehouse.Deploy.Engines.Postgres;

/// <summary>Parses a PostgreSQL connection string and describes it without its password.</summary>
public static class PostgresConnection
{
    public const string EnvironmentVariable = "WAREHOUSE_POSTGRES";

    public static NpgsqlConnectionStringBuilder Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new WarehouseException(ExitCodes.BadInput,
                $"target postgres needs --connection or the {EnvironmentVariable} environment variable");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // Name the session so operators can see a running deploy in pg_stat_activity.
            if (string.IsNullOrEmpty(builder.ApplicationName))
                builder.ApplicationName = "warehouse-deploy";
            return builder;
        }
        catch (ArgumentException)
        {
            // The message of the parser may quote the string, password included, so it is not repeated.
            throw new WarehouseException(ExitCodes.BadInput, "the PostgreSQL connection string is not valid (its text is not shown: it may hold a password)");
        }
    }

    /// <summary>postgres://user@host:port/database (the scheme is the engine's name): what messages and run results show.</summary>
    public static string Describe(string engine, NpgsqlConnectionStringBuilder builder) =>
        $"{engine}://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
}
