using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// The lake rows no engine loads (<see cref="RejectedRow"/>: not valid UTF-8), kept in the table the manifest names
/// (<see cref="ManifestBookkeeping.RejectedRows"/>, <c>_warehouse.rejected_rows</c>) with their file, line and
/// column. DuckDB's reader skips such a row (<c>ignore_errors</c>) and PostgreSQL's loader does not copy it, so both
/// engines load the same rows; the runner records each file's rejected rows once, when it first sees them.
/// </summary>
public static class RejectedRows
{
    public static async Task RecordAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, IReadOnlyList<RejectedRow> rows,
        string batchAt, CancellationToken cancellationToken)
    {
        string table = SqlLiteral.QualifiedName(bookkeeping.RejectedRows);
        await engine.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {table} (source VARCHAR NOT NULL, source_file VARCHAR NOT NULL, line_number BIGINT NOT NULL, " +
            "column_number INTEGER NOT NULL, reason VARCHAR NOT NULL, batch_at TIMESTAMP NOT NULL)", null, cancellationToken);
        foreach (var file in rows.GroupBy(r => r.File, StringComparer.Ordinal))
        {
            var recorded = await engine.QueryAsync($"SELECT COUNT(*) FROM {table} WHERE source_file = {SqlLiteral.String(file.Key)}",
                null, 1, cancellationToken);
            if (recorded.Rows[0][0] != "0")
                continue;
            var values = file.Select(r =>
                $"({SqlLiteral.String(r.Source)}, {SqlLiteral.String(r.File)}, {SqlLiteral.Integer(r.Line)}, {SqlLiteral.Integer(r.Column)}, " +
                $"{SqlLiteral.String(r.Reason)}, CAST({SqlLiteral.String(batchAt)} AS TIMESTAMP))");
            await engine.ExecuteAsync($"INSERT INTO {table} VALUES {string.Join(", ", values)}", null, cancellationToken);
        }
    }
}
