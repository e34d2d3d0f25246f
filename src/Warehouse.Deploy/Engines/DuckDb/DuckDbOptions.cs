namespace Warehouse.Deploy.Engines.DuckDb;

/// <summary>
/// How a DuckDB warehouse is opened: its database file and DuckDB's memory_limit (e.g. "400MB"), which caps DuckDB's
/// buffer pool. Unset, the command line passes <see cref="DefaultMemoryLimitFor"/> rather than DuckDB's own default
/// (80% of the machine's memory), which let the runner's peak RSS grow with the lake (2.9 GB at scale 100). Beyond the
/// limit DuckDB spills to a temp folder beside the database file.
/// </summary>
public sealed record DuckDbOptions(string DatabasePath, string? MemoryLimit = null)
{
    /// <summary>Sets <see cref="MemoryLimit"/> for the command line (e.g. 400MB); unset means <see cref="DefaultMemoryLimitFor"/>.</summary>
    public const string MemoryLimitVariable = "WAREHOUSE_DUCKDB_MEMORY_LIMIT";

    /// <summary>The database file's extension when --database does not name one: warehouse/&lt;project&gt;.duckdb.</summary>
    public const string FileExtension = ".duckdb";

    /// <summary>
    /// The default memory_limit for a warehouse with <paramref name="goldTables"/> gold tables: 200MB — enough for the
    /// Banking pipeline at scale 100 with room to spare (it spills beyond it), small enough to keep the process under
    /// 500 MB (benchmarks/README.md) — plus 3MB per gold table. DuckDB cannot spill what the open publish transaction
    /// wrote (gold and its tests commit together): it holds each table's new blocks, ~2MB however few the rows, until
    /// the commit. At 1,000 synthetic models (333 gold tables) 700MB ran out and 1,200MB deploys.
    /// </summary>
    public static string DefaultMemoryLimitFor(int goldTables) => $"{200 + (3 * Math.Max(0, goldTables))}MB";

    /// <summary>The limit in force: the one given, else the default for no gold table.</summary>
    public string EffectiveMemoryLimit => string.IsNullOrWhiteSpace(MemoryLimit) ? DefaultMemoryLimitFor(0) : MemoryLimit.Trim();

    /// <summary>--database, else the project's file in the output folder; <see cref="MemoryLimitVariable"/>, else the default for the manifest's gold tables.</summary>
    public static DuckDbOptions From(IEngineSettings settings) => new(
        settings.DatabaseFile ?? settings.DefaultDatabaseFile(FileExtension),
        settings.Variable(MemoryLimitVariable) is { Length: > 0 } limit ? limit : DefaultMemoryLimitFor(settings.PublishedTables));
}
