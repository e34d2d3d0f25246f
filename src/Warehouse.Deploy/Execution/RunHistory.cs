using Warehouse.Deploy.Engines;

namespace Warehouse.Deploy.Execution;

/// <summary>The runner's own bookkeeping in the target: <c>_warehouse.deploy_runs</c>, read by <c>status</c>.</summary>
public static class RunHistory
{
    public const string Table = "_warehouse.deploy_runs";

    public static Task EnsureAsync(IWarehouseEngine engine, CancellationToken cancellationToken) =>
        engine.ExecuteAsync(
            "CREATE SCHEMA IF NOT EXISTS _warehouse; " +
            $"CREATE TABLE IF NOT EXISTS {Table} (run_id VARCHAR PRIMARY KEY, command VARCHAR NOT NULL, " +
            "started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL, batch_at VARCHAR NOT NULL, status VARCHAR NOT NULL, " +
            "exit_code INTEGER NOT NULL, nodes INTEGER NOT NULL, tests_failed INTEGER NOT NULL, tests_warned INTEGER NOT NULL, message VARCHAR)",
            null, cancellationToken);

    public static async Task RecordAsync(IWarehouseEngine engine, RunResults run, CancellationToken cancellationToken)
    {
        await EnsureAsync(engine, cancellationToken);
        await engine.ExecuteAsync(
            $"INSERT INTO {Table} VALUES ({SqlLiteral.String(run.RunId)}, {SqlLiteral.String(run.Command)}, " +
            $"{SqlLiteral.Timestamp(run.StartedAt)}, {SqlLiteral.Timestamp(run.FinishedAt)}, {SqlLiteral.String(run.BatchAt)}, " +
            $"{SqlLiteral.String(run.Status)}, {run.ExitCode}, {run.Nodes.Count}, " +
            $"{run.Tests.Count(t => t.Status == TestResult.Failed)}, {run.Tests.Count(t => t.Status == TestResult.Warned)}, " +
            $"{SqlLiteral.String(run.Message)})",
            null, cancellationToken);
    }

    public static async Task<QueryResult?> ReadAsync(IWarehouseEngine engine, int limit, CancellationToken cancellationToken)
    {
        if (!await engine.RelationExistsAsync(Table, null, cancellationToken))
            return null;
        return await engine.QueryAsync(
            "SELECT started_at, finished_at, command, status, exit_code, batch_at, nodes, tests_failed, tests_warned, message " +
            $"FROM {Table} ORDER BY started_at DESC LIMIT {limit}", null, limit, cancellationToken);
    }
}
