using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Runs test nodes: each query returns failing rows; error severity fails the run, warn only reports.
/// Generic tests (the generator's single-statement queries) are counted together, <see cref="BatchSize"/> to a query,
/// so a deploy pays one round trip and one plan per batch instead of one per test; only a test with failures runs
/// again on its own for its columns and first rows. Singular tests (hand-written SQL) run one by one, so a broken one
/// is named.
/// </summary>
public sealed class TestExecutor(IWarehouseEngine engine, WarehouseScripts scripts)
{
    public const int SampleRows = 5;

    /// <summary>
    /// Tests per counting query. One query for all of them grows faster than the tests: DuckDB took 142 s for the
    /// 6,636 tests of the 1,000-model synthetic warehouse in one query, and about 4 s in queries of 100 or 1,000
    /// (benchmarks/README.md), and a query's memory grows with its subqueries. A fixed size keeps each query's plan
    /// and memory bounded and the round trips at tests/100 (the Banking sample's 243 tests take 3).
    /// </summary>
    public const int BatchSize = 100;

    public async Task RunAsync(IReadOnlyList<ManifestNode> tests, DbTransaction? transaction, Action<TestResult> finished,
        CancellationToken cancellationToken)
    {
        var batchable = tests.Where(t => t.TestType is not null && scripts.Of(t).Count == 1).ToList();
        var counted = new Dictionary<string, (long Failures, long DurationMs)>(StringComparer.Ordinal);
        foreach (var batch in batchable.Chunk(BatchSize))
        {
            foreach (var (id, failures, durationMs) in await CountFailuresAsync(batch, transaction, cancellationToken))
                counted[id] = (failures, durationMs);
        }

        foreach (var test in tests)
        {
            if (counted.TryGetValue(test.Id, out var count) && count.Failures == 0)
                finished(Result(test, new QueryResult([], [], 0), count.DurationMs));
            else
                finished(await RunAsync(test, transaction, cancellationToken));
        }
    }

    private async Task<TestResult> RunAsync(ManifestNode test, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await StatementRunner.QueryAsync(engine, test.Id, scripts.Of(test), transaction, SampleRows, cancellationToken);
        return Result(test, result, clock.ElapsedMilliseconds);
    }

    private static TestResult Result(ManifestNode test, QueryResult result, long durationMs)
    {
        string status = result.TotalRows == 0 ? TestResult.Passed
            : test.IsErrorSeverity ? TestResult.Failed
            : TestResult.Warned;
        return new TestResult(test.Id, test.IsErrorSeverity ? "error" : "warn", test.AttachedTo, status, result.TotalRows,
            durationMs, result.Columns, result.Rows);
    }

    /// <summary>
    /// One query: <c>SELECT 0, COUNT(*) FROM (test 0) UNION ALL SELECT 1, COUNT(*) FROM (test 1) …</c>. The batch's
    /// time is shared evenly among its tests (their own times are not separable), in whole milliseconds that add up
    /// to the batch's time.
    /// </summary>
    private async Task<IReadOnlyList<(string Id, long Failures, long DurationMs)>> CountFailuresAsync(IReadOnlyList<ManifestNode> tests,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        for (int i = 0; i < tests.Count; i++)
        {
            if (i > 0)
                sql.Append("\nUNION ALL\n");
            // The test's own text may end in a comment line: close the subquery on a new line.
            sql.Append(CultureInfo.InvariantCulture, $"SELECT {i} AS test_index, COUNT(*) AS failures FROM (\n{scripts.Of(tests[i])[0]}\n) AS test_{i}");
        }

        var clock = Stopwatch.StartNew();
        var origin = $"{tests.Count} generic tests, {tests[0].Id} to {tests[^1].Id} (one batched query)";
        var result = await StatementRunner.QueryAsync(engine, origin, [sql.ToString()], transaction, int.MaxValue, cancellationToken);
        long elapsed = clock.ElapsedMilliseconds;
        return result.Rows.Select(row =>
        {
            int i = int.Parse(row[0], CultureInfo.InvariantCulture);
            long share = (elapsed / tests.Count) + (i < elapsed % tests.Count ? 1 : 0);
            return (tests[i].Id, long.Parse(row[1], CultureInfo.InvariantCulture), share);
        }).ToList();
    }
}
