using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Warehouse.Deploy.Manifest;
using Warehouse.Generators.Dialects;

namespace Warehouse.Deploy.Engines.Postgres;

/// <summary>
/// PostgreSQL through Npgsql (<see cref="PostgresConnection"/>). Bronze tables are filled by <see cref="PostgresBulkLoader"/>;
/// deploys hold a session advisory lock. Engines that speak the same protocol derive from it with their own
/// registry entry (<see cref="Redshift.RedshiftEngine"/>).
/// </summary>
public class PostgresEngine : AdoEngine
{
    public static EngineDefinition Definition { get; } = new(
        "postgres", SqlDialect.Postgres.Name, $"a PostgreSQL database, --connection or the {PostgresConnection.EnvironmentVariable} environment variable",
        new EngineCapabilities(BulkLoadsBronze: true, LocksDeploys: true),
        settings => new PostgresEngine(PostgresConnection.Parse(settings.Connection ?? settings.Variable(PostgresConnection.EnvironmentVariable))));

    /// <summary>The advisory lock key of deploys ("WHSE"); one per database.</summary>
    private const long LockKey = 0x57485345;

    private readonly NpgsqlConnectionStringBuilder _connection;

    public PostgresEngine(NpgsqlConnectionStringBuilder connection)
        : this(connection, Definition)
    {
    }

    /// <summary>For an engine on the PostgreSQL protocol with a registry entry of its own (its dialect and capabilities).</summary>
    protected PostgresEngine(NpgsqlConnectionStringBuilder connection, EngineDefinition definition)
        : base(definition)
    {
        _connection = connection;
        Target = PostgresConnection.Describe(definition.Name, connection);
    }

    public override string Target { get; }

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var npgsql = new NpgsqlConnection(_connection.ConnectionString);
        try
        {
            await npgsql.OpenAsync(cancellationToken);
            return npgsql;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            await npgsql.DisposeAsync();
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"authentication failed for {Target}", e);
        }
        catch (PostgresException e)
        {
            await npgsql.DisposeAsync();
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"cannot connect to {Target}: {e.MessageText}", e);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await npgsql.DisposeAsync();
            string reason = e.InnerException?.Message ?? e.Message;
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"cannot reach {Target}: {reason}", e);
        }
    }

    /// <summary>A session advisory lock: it dies with the connection, so a crashed deploy never leaves it behind.</summary>
    public override async Task<IAsyncDisposable> AcquireDeployLockAsync(CancellationToken cancellationToken)
    {
        if (await ScalarAsync($"SELECT pg_try_advisory_lock({LockKey})", null, cancellationToken) is true)
            return new Release(this);

        string holder = "SELECT a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
                        $"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = {LockKey} AND l.objsubid = 1";
        var since = await ScalarAsync(holder, null, cancellationToken);
        string when = since is DateTime start ? FormatTime(start.ToUniversalTime()) : "an unknown time";
        throw new WarehouseException(ExitCodes.LockHeld, $"another deploy is running on {Target} since {when}");
    }

    /// <summary>Binary COPY of the files not loaded before (<see cref="PostgresBulkLoader"/>).</summary>
    public override Task<long> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
        new PostgresBulkLoader(this, Npgsql).LoadAsync(source, files, lakeRoot, bookkeeping, cancellationToken);

    private sealed class Release(PostgresEngine engine) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (engine.Npgsql.State == System.Data.ConnectionState.Open)
                await engine.ScalarAsync($"SELECT pg_advisory_unlock({LockKey})", null, CancellationToken.None);
        }
    }
}
