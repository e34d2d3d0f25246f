using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Warehouse.Generators.Dialects;

namespace Warehouse.Deploy.Engines.DuckDb;

/// <summary>
/// DuckDB in a database file (<see cref="DuckDbOptions"/>). Bronze views read the lake files themselves, so nothing is
/// bulk-loaded. DuckDB's file lock already keeps a second process out; its error becomes the deploy-lock message.
/// Deploys inside one process (which share the file) are serialised by an in-process registry.
/// </summary>
public sealed partial class DuckDbEngine(DuckDbOptions options) : AdoEngine(Definition)
{
    public static EngineDefinition Definition { get; } = new(
        "duckdb", SqlDialect.DuckDb.Name, "a DuckDB file, --database, default warehouse/<project>.duckdb",
        new EngineCapabilities(BulkLoadsBronze: false, LocksDeploys: true),
        settings => new DuckDbEngine(DuckDbOptions.From(settings)));

    private static readonly ConcurrentDictionary<string, DateTime> RunningDeploys = new(StringComparer.Ordinal);

    public string DatabasePath { get; } = Path.GetFullPath(options.DatabasePath);

    public override string Target => $"duckdb:{DatabasePath}";

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex HolderPid();

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        string? folder = Path.GetDirectoryName(DatabasePath);
        try
        {
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            var builder = new DuckDBConnectionStringBuilder { DataSource = DatabasePath };
            builder["memory_limit"] = options.EffectiveMemoryLimit;
            // No statement of the runner relies on the order of rows it does not sort; without this DuckDB keeps
            // scan order through inserts and CREATE TABLE AS, which costs memory and parallelism.
            builder["preserve_insertion_order"] = "false";
            var connection = new DuckDBConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new WarehouseException(ExitCodes.LockHeld, $"another deploy is running on {Target} since {HolderSince(e.Message)}", e);
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"cannot open {Target}: {FirstLine(e.Message)}", e);
        }
    }

    public override Task<IAsyncDisposable> AcquireDeployLockAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        if (!RunningDeploys.TryAdd(DatabasePath, now))
            throw new WarehouseException(ExitCodes.LockHeld,
                $"another deploy is running on {Target} since {FormatTime(RunningDeploys.GetValueOrDefault(DatabasePath, now))}");
        return Task.FromResult<IAsyncDisposable>(new Release(DatabasePath));
    }

    /// <summary>
    /// The bounded default can be too small for a larger lake (operators such as read_csv need whole 30 MiB blocks):
    /// DuckDB's message names the block, not the setting that fixes it.
    /// </summary>
    public override string? HintFor(DbException error) =>
        error.Message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase)
            ? $"DuckDB's memory_limit is {options.EffectiveMemoryLimit}; raise it with {DuckDbOptions.MemoryLimitVariable} (e.g. {DuckDbOptions.MemoryLimitVariable}=1GB)"
            : null;

    /// <summary>DuckDB names the holding process; its start time is the best "since" another process can know.</summary>
    private static string HolderSince(string message)
    {
        var match = HolderPid().Match(message);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out int pid))
            return "an unknown time";
        try
        {
            using var process = Process.GetProcessById(pid);
            return $"{FormatTime(process.StartTime.ToUniversalTime())} (PID {pid})";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"an unknown time (PID {pid})";
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private sealed class Release(string path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            RunningDeploys.TryRemove(path, out _);
            return ValueTask.CompletedTask;
        }
    }
}
