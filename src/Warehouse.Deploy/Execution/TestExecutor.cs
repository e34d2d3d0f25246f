using System.Data.Common;
using System.Diagnostics;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>Runs test nodes: each query returns failing rows; error severity fails the run, warn only reports.</summary>
public sealed class TestExecutor(IWarehouseEngine engine, WarehouseScripts scripts)
{
    public const int SampleRows = 5;

    public async Task<TestResult> RunAsync(ManifestNode test, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await StatementRunner.QueryAsync(engine, test.Id, scripts.Of(test), transaction, SampleRows, cancellationToken);
        string status = result.TotalRows == 0 ? TestResult.Passed
            : test.IsErrorSeverity ? TestResult.Failed
            : TestResult.Warned;
        return new TestResult(test.Id, test.IsErrorSeverity ? "error" : "warn", test.AttachedTo, status, result.TotalRows,
            clock.ElapsedMilliseconds, result.Columns, result.Rows);
    }
}
