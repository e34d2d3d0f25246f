using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Engines;

/// <summary>
/// DuckDB in a database file. DuckDB's file lock already keeps a second process out; its error becomes the deploy-lock
/// message. Deploys inside one process (which share the file) are serialised by an in-process registry.
/// <paramref name="memoryLimit"/> (DuckDB's memory_limit, e.g. "400MB") caps DuckDB's buffer pool; the CLI passes
/// <see cref="DefaultMemoryLimitFor"/> when it is unset, rather than DuckDB's own default (80% of the machine's
/// memory), which let the runner's peak RSS grow with the lake (2.9 GB at scale 100). Beyond the limit DuckDB spills
/// to a temp folder beside the database file.
/// </summary>
public sealed partial class DuckDbEngine(string databasePath, string? memoryLimit = null) : AdoEngine
{
    /// <summary>Sets <c>memoryLimit</c> for the CLI (e.g. 400MB); unset means <see cref="DefaultMemoryLimitFor"/>.</summary>
    public const string MemoryLimitVariable = "WAREHOUSE_DUCKDB_MEMORY_LIMIT";

    /// <summary>
    /// The default memory_limit for a warehouse with <paramref name="goldTables"/> gold tables: 200MB — enough for the
    /// Banking pipeline at scale 100 with room to spare (it spills beyond it), small enough to keep the process under
    /// 500 MB (benchmarks/README.md) — plus 3MB per gold table. DuckDB cannot spill what the open publish transaction
    /// wrote (gold and its tests commit together): it holds each table's new blocks, ~2MB however few the rows, until
    /// the commit. At 1,000 synthetic models (333 gold tables) 700MB ran out and 1,200MB deploys.
    /// </summary>
    public static string DefaultMemoryLimitFor(int goldTables) => $"{200 + (3 * Math.Max(0, goldTables))}MB";

    private static readonly ConcurrentDictionary<string, DateTime> RunningDeploys = new(StringComparer.Ordinal);

    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    public override string Dialect => "duckdb";

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
            builder["memory_limit"] = EffectiveMemoryLimit;
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
            ? $"DuckDB's memory_limit is {EffectiveMemoryLimit}; raise it with {MemoryLimitVariable} (e.g. {MemoryLimitVariable}=1GB)"
            : null;

    private string EffectiveMemoryLimit => string.IsNullOrWhiteSpace(memoryLimit) ? DefaultMemoryLimitFor(0) : memoryLimit.Trim();

    /// <summary>Bronze views read the lake files directly, so there is nothing to load.</summary>
    public override Task<long?> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
        Task.FromResult<long?>(null);

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

    internal static string FormatTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

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
