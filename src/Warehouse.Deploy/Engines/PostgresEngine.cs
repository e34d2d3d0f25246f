using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Engines;

/// <summary>
/// PostgreSQL through Npgsql. Bronze tables are filled with binary COPY, one lake file per transaction together with
/// its row in the manifest's loaded-files table (<c>_warehouse.loaded_files</c>, created by <c>_setup.sql</c>), so a
/// file is loaded exactly once even if a deploy dies half way.
/// </summary>
/// With dialect "redshift" it runs the redshift/ SQL on a Redshift cluster (same protocol): bronze is external (the
/// bronze scripts create the external schema over Glue), so nothing is COPYed, and Redshift has no advisory locks.
public sealed class PostgresEngine(NpgsqlConnectionStringBuilder connection, string dialect = "postgres") : AdoEngine
{
    /// <summary>The advisory lock key of deploys ("WHSE"); one per database.</summary>
    private const long LockKey = 0x57485345;

    public override string Dialect => dialect;

    private bool IsRedshift => dialect == "redshift";

    public override string Target { get; } = PostgresConnection.Describe(connection);

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var npgsql = new NpgsqlConnection(connection.ConnectionString);
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
        if (IsRedshift)
            return new NoLock();
        if (await ScalarAsync($"SELECT pg_try_advisory_lock({LockKey})", null, cancellationToken) is true)
            return new Release(this);

        string holder = "SELECT a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
                        $"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = {LockKey} AND l.objsubid = 1";
        var since = await ScalarAsync(holder, null, cancellationToken);
        string when = since is DateTime start ? DuckDbEngine.FormatTime(start.ToUniversalTime()) : "an unknown time";
        throw new WarehouseException(ExitCodes.LockHeld, $"another deploy is running on {Target} since {when}");
    }

    public override async Task<long?> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        if (IsRedshift)
            return null;
        // Every source looks up its own files (the table is indexed on source by _setup.sql).
        string loadedFiles = SqlLiteral.QualifiedName(bookkeeping.LoadedFiles);
        var loaded = (await QueryAsync($"SELECT path FROM {loadedFiles} WHERE source = {SqlLiteral.String(source.Id)}",
            null, int.MaxValue, cancellationToken)).Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        long rows = 0;
        foreach (var file in files)
        {
            string relative = LakeLayout.RelativeTo(lakeRoot, file);
            if (!loaded.Contains(relative))
                rows += await CopyFileAsync(source, file, relative, bookkeeping, cancellationToken);
        }

        return rows;
    }

    /// <remarks>
    /// <c>_source_file</c> is the same for every row of a file, so it is not sent with each row: for the COPY it is
    /// the column's default, set and dropped again inside the file's transaction (a failed load rolls both back).
    /// At scale 10 the lake path was 45% of the binary COPY stream (it is longer than most rows), and the server
    /// decoded it once per row. ALTER TABLE locks the bronze table until the file is committed; within a deploy
    /// nothing else reads it then.
    /// </remarks>
    private async Task<long> CopyFileAsync(ManifestNode source, string file, string relative, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken)
    {
        var columns = CsvValidator.ExpectedColumns(source);
        string table = SqlLiteral.QualifiedName(source.Id);
        string sourceFile = SqlLiteral.Identifier(bookkeeping.SourceFileColumn);
        string copy = $"COPY {table} ({string.Join(", ", columns.Select(SqlLiteral.Identifier))}) FROM STDIN (FORMAT BINARY)";

        await using var transaction = await Npgsql.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"ALTER TABLE {table} ALTER COLUMN {sourceFile} SET DEFAULT {SqlLiteral.String(relative)}",
            transaction, cancellationToken);
        long rows = 0;
        await using (var copyStream = await Npgsql.BeginRawBinaryCopyAsync(copy, cancellationToken))
        {
            var writer = new BinaryCopyWriter(copyStream);
            writer.WriteHeader();
            using var reader = CsvValidator.OpenReader(file, source.Source!);
            // The lake was validated before any SQL ran; checking again costs nothing and keeps the file:line
            // message should the file have changed since.
            if (source.Source!.Header)
                CsvValidator.CheckHeader(reader, file, columns);
            while (reader.Read())
            {
                CsvValidator.CheckFieldCount(reader, file, columns.Count);
                writer.WriteRow(reader);
                rows++;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync($"ALTER TABLE {table} ALTER COLUMN {sourceFile} DROP DEFAULT", transaction, cancellationToken);
        await ExecuteAsync(
            $"INSERT INTO {SqlLiteral.QualifiedName(bookkeeping.LoadedFiles)} (path, source, row_count) VALUES ({SqlLiteral.String(relative)}, " +
            $"{SqlLiteral.String(source.Id)}, {SqlLiteral.Integer(rows)})", transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private sealed class Release(PostgresEngine engine) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (engine.Npgsql.State == System.Data.ConnectionState.Open)
                await engine.ScalarAsync($"SELECT pg_advisory_unlock({LockKey})", null, CancellationToken.None);
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
