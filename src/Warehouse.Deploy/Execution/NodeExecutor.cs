using System.Data.Common;
using System.Diagnostics;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Runs one model node and measures what it did: rows before/after, rows quarantined, rows loaded into bronze.
/// The node's table and its quarantine table are counted together, in one query before and one after the node.
/// </summary>
/// <param name="existingTables">
/// The relations in the target when the run started (read once from the catalog); a node's script creates its
/// tables, so they are added here as nodes run instead of asking the catalog again before every count.
/// </param>
/// <param name="fullRefresh">The nodes --full-refresh rebuilds: each is emptied in its transaction before its script runs.</param>
/// <param name="changes">
/// The deploy's plan: a changed node is dropped (or altered, for a type-2 dimension kept in place) in its
/// transaction before its script runs, and then records what it was built with in the same transaction; an
/// unchanged node costs nothing more. Null for a run that applies no plan.
/// </param>
public sealed class NodeExecutor(IWarehouseEngine engine, WarehouseScripts scripts, ManifestBookkeeping bookkeeping, string lakeRoot,
    IReadOnlyDictionary<string, IReadOnlyList<string>> lakeFiles, ISet<string> existingTables, FullRefresh? fullRefresh = null,
    ChangeApplier? changes = null)
{
    /// <param name="transaction">The shared publish transaction; null runs the node in a transaction of its own.</param>
    public async Task<NodeResult> RunAsync(ManifestNode node, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? table = node.Materialization is "table" or "incremental" ? node.Id : null;
        var before = await CountAsync(table, node.Quarantine, transaction, cancellationToken);

        var own = transaction ?? await engine.BeginTransactionAsync(cancellationToken);
        try
        {
            if (changes?.BeforeScript(node) is { Count: > 0 } applied)
            {
                await StatementRunner.RunAsync(engine, $"{node.Id} (plan)", applied, own, cancellationToken);
                if (changes.Rebuilds(node))
                {
                    existingTables.Remove(node.Id);
                    if (node.Quarantine is not null)
                        existingTables.Remove(node.Quarantine);
                }
            }

            if (fullRefresh?.ResetOf(node, bookkeeping, existingTables) is { Count: > 0 } reset)
                await StatementRunner.RunAsync(engine, $"{node.Id} (full refresh)", reset, own, cancellationToken);
            // Read after the reset: a rebuilt staging node has no processed files left, so it reads every bronze file.
            var statements = scripts.NeedsProcessedFiles(node)
                ? scripts.Of(node, await ProcessedFilesAsync(node, own, cancellationToken))
                : scripts.Of(node);
            await StatementRunner.RunAsync(engine, node.Id, statements, own, cancellationToken);
            if (changes is not null)
                await changes.RecordAsync(node, own, cancellationToken);
            if (transaction is null)
                await own.CommitAsync(cancellationToken);
        }
        finally
        {
            if (transaction is null)
                await own.DisposeAsync();
        }

        // The bronze table must exist (its script creates it) before files are copied in. Where the engine does not
        // bulk-load, bronze reads the files itself and the count stays unknown.
        long? loaded = node.Kind == NodeKinds.Source && engine.Capabilities.BulkLoadsBronze && lakeFiles.TryGetValue(node.Id, out var files)
            ? await engine.LoadSourceAsync(node, files, lakeRoot, bookkeeping, cancellationToken)
            : null;
        foreach (var created in new[] { table, node.Quarantine }.OfType<string>())
            existingTables.Add(created);
        var after = await CountAsync(table, node.Quarantine, transaction, cancellationToken);
        return new NodeResult(node.Id, node.Kind, "ok", loaded, before.Table, after.Table,
            after.Quarantine - (before.Quarantine ?? 0), clock.ElapsedMilliseconds);
    }

    /// <summary>The lake files this node has processed in earlier runs (the DuckDB silver script drops their rows before bronze numbers them).</summary>
    private async Task<IReadOnlyList<string>> ProcessedFilesAsync(ManifestNode node, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var result = await engine.QueryAsync(
            $"SELECT source_file FROM {SqlLiteral.QualifiedName(bookkeeping.ProcessedFiles)} WHERE node = {SqlLiteral.String(node.Id)}",
            transaction, int.MaxValue, cancellationToken);
        return result.Rows.Select(r => r[0]).ToList();
    }

    /// <summary>Counts the tables that exist; null for one that is not there (yet) or not counted.</summary>
    private async Task<(long? Table, long? Quarantine)> CountAsync(string? table, string? quarantine, DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var present = new[] { table, quarantine }.OfType<string>().Where(existingTables.Contains).ToList();
        var counts = await engine.CountRowsAsync(present, transaction, cancellationToken);
        long? Of(string? name) => name is not null && present.IndexOf(name) is >= 0 and var i ? counts[i] : null;
        return (Of(table), Of(quarantine));
    }
}
