using System.Data.Common;
using System.Diagnostics;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>Runs one model node and measures what it did: rows before/after, rows quarantined, rows loaded into bronze.</summary>
public sealed class NodeExecutor(IWarehouseEngine engine, WarehouseScripts scripts, string lakeRoot,
    IReadOnlyDictionary<string, IReadOnlyList<string>> lakeFiles)
{
    /// <param name="transaction">The shared publish transaction; null runs the node in a transaction of its own.</param>
    public async Task<NodeResult> RunAsync(ManifestNode node, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        bool counted = node.Materialization is "table" or "incremental";
        long? before = counted ? await engine.CountRowsAsync(node.Id, transaction, cancellationToken) : null;
        long? quarantineBefore = await CountQuarantineAsync(node, transaction, cancellationToken);

        var own = transaction ?? await engine.BeginTransactionAsync(cancellationToken);
        try
        {
            await StatementRunner.RunAsync(engine, node.Id, scripts.Of(node), own, cancellationToken);
            if (transaction is null)
                await own.CommitAsync(cancellationToken);
        }
        finally
        {
            if (transaction is null)
                await own.DisposeAsync();
        }

        // The bronze table must exist (its script creates it) before files are copied in.
        long? loaded = node.Kind == NodeKinds.Source && lakeFiles.TryGetValue(node.Id, out var files)
            ? await engine.LoadSourceAsync(node, files, lakeRoot, cancellationToken)
            : null;
        long? after = counted ? await engine.CountRowsAsync(node.Id, transaction, cancellationToken) : null;
        long? quarantineAfter = await CountQuarantineAsync(node, transaction, cancellationToken);
        return new NodeResult(node.Id, node.Kind, "ok", loaded, before, after,
            quarantineAfter - (quarantineBefore ?? 0), clock.ElapsedMilliseconds);
    }

    private async Task<long?> CountQuarantineAsync(ManifestNode node, DbTransaction? transaction, CancellationToken cancellationToken) =>
        node.Quarantine is null ? null : await engine.CountRowsAsync(node.Quarantine, transaction, cancellationToken);
}
