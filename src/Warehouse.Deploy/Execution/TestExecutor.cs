using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Runs test nodes: each query returns failing rows; error severity fails the run, warn only reports.
/// Generic tests (the generator's single-statement queries) are counted together in one query, so a deploy pays one
/// round trip and one plan for all of them instead of one per test; only a test with failures runs again on its own
/// for its columns and first rows. Singular tests (hand-written SQL) run one by one, so a broken one is named.
/// </summary>
public sealed class TestExecutor(IWarehouseEngine engine, WarehouseScripts scripts)
{
    public const int SampleRows = 5;

    public async Task RunAsync(IReadOnlyList<ManifestNode> tests, DbTransaction? transaction, Action<TestResult> finished,
        CancellationToken cancellationToken)
    {
        var batched = tests.Where(t => t.TestType is not null && scripts.Of(t).Count == 1).ToList();
        var failures = await CountFailuresAsync(batched, transaction, cancellationToken);
        foreach (var test in tests)
        {
            if (failures.Counts.TryGetValue(test.Id, out long count) && count == 0)
                finished(Result(test, new QueryResult([], [], 0), failures.MillisecondsPerTest));
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
    /// time is shared evenly among its tests (their own times are not separable).
    /// </summary>
    private async Task<(Dictionary<string, long> Counts, long MillisecondsPerTest)> CountFailuresAsync(IReadOnlyList<ManifestNode> tests,
        DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (tests.Count == 0)
            return (counts, 0);
        var sql = new StringBuilder();
        for (int i = 0; i < tests.Count; i++)
        {
            if (i > 0)
                sql.Append("\nUNION ALL\n");
            // The test's own text may end in a comment line: close the subquery on a new line.
            sql.Append(CultureInfo.InvariantCulture, $"SELECT {i} AS test_index, COUNT(*) AS failures FROM (\n{scripts.Of(tests[i])[0]}\n) AS test_{i}");
        }

        var clock = Stopwatch.StartNew();
        var origin = $"{tests.Count} generic tests (one batched query)";
        var result = await StatementRunner.QueryAsync(engine, origin, [sql.ToString()], transaction, int.MaxValue, cancellationToken);
        foreach (var row in result.Rows)
            counts[tests[int.Parse(row[0], CultureInfo.InvariantCulture)].Id] = long.Parse(row[1], CultureInfo.InvariantCulture);
        return (counts, clock.ElapsedMilliseconds / tests.Count);
    }
}
