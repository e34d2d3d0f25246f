using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// The runner's own bookkeeping in the target: the run history table the manifest names
/// (<see cref="ManifestBookkeeping.RunHistory"/>, <c>_warehouse.deploy_runs</c>), read by <c>status</c>. The runner
/// creates it, not <c>_setup.sql</c>: <c>test</c> records its runs without running the setup.
/// </summary>
public static class RunHistory
{
    public static Task EnsureAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
        engine.ExecuteAsync(
            $"CREATE SCHEMA IF NOT EXISTS {SqlLiteral.Identifier(bookkeeping.Schema)}; " +
            $"CREATE TABLE IF NOT EXISTS {SqlLiteral.QualifiedName(bookkeeping.RunHistory)} (run_id VARCHAR PRIMARY KEY, command VARCHAR NOT NULL, " +
            "started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL, batch_at VARCHAR NOT NULL, status VARCHAR NOT NULL, " +
            "exit_code INTEGER NOT NULL, nodes INTEGER NOT NULL, tests_failed INTEGER NOT NULL, tests_warned INTEGER NOT NULL, message VARCHAR)",
            null, cancellationToken);

    public static async Task RecordAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, RunResults run, CancellationToken cancellationToken)
    {
        await EnsureAsync(engine, bookkeeping, cancellationToken);
        await engine.ExecuteAsync(
            $"INSERT INTO {SqlLiteral.QualifiedName(bookkeeping.RunHistory)} VALUES ({SqlLiteral.String(run.RunId)}, {SqlLiteral.String(run.Command)}, " +
            $"{SqlLiteral.Timestamp(run.StartedAt)}, {SqlLiteral.Timestamp(run.FinishedAt)}, {SqlLiteral.String(run.BatchAt)}, " +
            $"{SqlLiteral.String(run.Status)}, {run.ExitCode}, {run.Nodes.Count}, " +
            $"{run.Tests.Count(t => t.Status == TestResult.Failed)}, {run.Tests.Count(t => t.Status == TestResult.Warned)}, " +
            $"{SqlLiteral.String(run.Message)})",
            null, cancellationToken);
    }

    public static async Task<QueryResult?> ReadAsync(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, int limit, CancellationToken cancellationToken)
    {
        if (!await engine.RelationExistsAsync(bookkeeping.RunHistory, null, cancellationToken))
            return null;
        return await engine.QueryAsync(
            "SELECT started_at, finished_at, command, status, exit_code, batch_at, nodes, tests_failed, tests_warned, message " +
            $"FROM {SqlLiteral.QualifiedName(bookkeeping.RunHistory)} ORDER BY started_at DESC LIMIT {limit}", null, limit, cancellationToken);
    }
}
