using System.Globalization;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Batches load in time order. A run whose batch_at (<c>--as-of</c>, else now) is earlier than the newest batch
/// already processed would merge older data over newer and open type-2 versions that end before they start; it used
/// to fail later, on unrelated duplicate tests. So deploy and run look at the processed-files table first and stop,
/// before any script runs, with one line naming both times. A batch equal to the newest is a rerun and is allowed.
/// </summary>
public static class BatchOrder
{
    public static async Task RefuseOlderBatchAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, DateTime batchAt, CancellationToken cancellationToken)
    {
        if (!await engine.RelationExistsAsync(bookkeeping.ProcessedFiles, null, cancellationToken))
            return;
        var newer = await engine.QueryAsync(
            $"SELECT batch_at FROM {SqlLiteral.QualifiedName(bookkeeping.ProcessedFiles)} WHERE batch_at > {SqlLiteral.Timestamp(batchAt)} " +
            "ORDER BY batch_at DESC LIMIT 1", null, 1, cancellationToken);
        if (newer.Rows.Count == 0)
            return;
        var newest = newer.Rows[0][0];
        throw new WarehouseException(ExitCodes.BadInput,
            $"--as-of {batchAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} is earlier than the newest batch already loaded " +
            $"({newest}, in {bookkeeping.ProcessedFiles}); nothing was run: batches load in time order, so pass --as-of {newest} or later");
    }
}
