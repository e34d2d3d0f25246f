using System.Data.Common;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// deploy / run / test: validate the lake, take the deploy lock, refuse a batch older than the newest loaded
/// (<see cref="BatchOrder"/>), run _setup.sql, then the nodes in dependency order.
/// From the first node of the manifest's publish group (the gold models) on, models and tests share ONE transaction:
/// if a statement or an error-severity test fails it is rolled back and the previously published gold stays as it was.
/// A selection (<see cref="RunRequest.Selection"/>) keeps the dependency order and runs only its nodes; a selected node
/// whose unselected upstream is not in the target yet stops the run before any node runs. A full refresh
/// (<see cref="RunRequest.FullRefresh"/>) empties each rebuilt node in that node's transaction, so rebuilt gold is
/// published, or rolled back, with the rest of the publish group.
/// </summary>
public sealed class RunPipeline(IWarehouseEngine engine, IRunReporter reporter)
{
    public async Task<RunResults> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var nodes = new List<NodeResult>();
        var tests = new List<TestResult>();
        RunResults Results(int exitCode, string? message) => new(
            Guid.NewGuid().ToString("N"), request.Command, engine.Target, started, DateTime.UtcNow, request.BatchAtText,
            exitCode == ExitCodes.Ok ? "success" : "failed", exitCode, message, nodes, tests, request.Selection?.Summary);

        var scripts = new WarehouseScripts(request.Manifest, request.Artifacts, engine.Dialect, request.Variables);
        var lake = request.RunModels
            ? CsvValidator.Validate(request.LakeRoot, request.Manifest.Sources.Where(request.Includes).ToList())
            : LakeValidation.None;
        ReportRejected(lake.Rejected, request.Manifest.Bookkeeping);

        reporter.Step($"connecting to {engine.Target}");
        await engine.OpenAsync(cancellationToken);
        await using var deployLock = request.RunModels && engine.Capabilities.LocksDeploys ? await engine.AcquireDeployLockAsync(cancellationToken) : null;
        if (request.RunModels)
            await BatchOrder.RefuseOlderBatchAsync(engine, request.Manifest.Bookkeeping, request.BatchAt, cancellationToken);

        RunResults results;
        try
        {
            int exitCode = await RunNodesAsync(request, scripts, lake, nodes, tests, cancellationToken);
            int failed = tests.Count(t => t.Status == TestResult.Failed);
            results = Results(exitCode, exitCode == ExitCodes.Ok ? null : $"{failed} test(s) failed; nothing was published");
        }
        catch (WarehouseException e)
        {
            results = Results(e.ExitCode, e.Message);
            await RecordAsync(request.Manifest.Bookkeeping, results, cancellationToken);
            throw new RunFailedException(results, e);
        }

        await RecordAsync(request.Manifest.Bookkeeping, results, cancellationToken);
        return results;
    }

    private async Task<int> RunNodesAsync(RunRequest request, WarehouseScripts scripts,
        LakeValidation lake, List<NodeResult> nodes, List<TestResult> tests,
        CancellationToken cancellationToken)
    {
        if (request.RunModels)
        {
            reporter.Step("running _setup.sql");
            await StatementRunner.RunAsync(engine, "_setup.sql", scripts.Setup, null, cancellationToken);
            await RunHistory.EnsureAsync(engine, request.Manifest.Bookkeeping, cancellationToken);
            if (lake.Rejected.Count > 0)
                await RejectedRows.RecordAsync(engine, request.Manifest.Bookkeeping, lake.Rejected, request.BatchAtText, cancellationToken);
            await NodeState.EnsureAsync(engine, request.Manifest.Bookkeeping, cancellationToken);
        }

        var ordered = DependencyOrder.Sort(request.Manifest.Nodes.Where(n => n.Kind != NodeKinds.Analysis).ToList())
            .Where(request.Includes).ToList();
        DbTransaction? publish = null;
        try
        {
            if (request.RunModels)
            {
                var recorded = await NodeState.ReadAsync(engine, request.Manifest.Bookkeeping, cancellationToken);
                var catalog = await engine.ReadCatalogAsync(CatalogSchemas(request.Manifest, recorded), cancellationToken);
                var existing = catalog.Select(c => $"{c.Schema}.{c.Table}").ToHashSet(StringComparer.Ordinal);
                if (request.Selection is { } selection)
                    RequireUpstreams(request.Manifest, selection, ordered, existing);
                var changes = Plan(request, scripts, recorded, catalog);
                var executor = new NodeExecutor(engine, scripts, request.Manifest.Bookkeeping, request.LakeRoot, lake.FilesBySource, existing,
                    request.FullRefresh, changes);
                await DropRemovedAsync(changes, published: false, null, cancellationToken);
                foreach (var node in ordered.Where(n => n.Kind != NodeKinds.Test))
                {
                    if (node.IsPublished && publish is null)
                        publish = await engine.BeginTransactionAsync(cancellationToken);
                    var result = await executor.RunAsync(node, publish, cancellationToken);
                    nodes.Add(result);
                    reporter.NodeFinished(result);
                }

                if (changes.Plan.Changes.Any(c => c.Action == NodeAction.Drop && changes.Plan.Recorded[c.Node].Published))
                {
                    publish ??= await engine.BeginTransactionAsync(cancellationToken);
                    await DropRemovedAsync(changes, published: true, publish, cancellationToken);
                }
            }

            if (request.RunTests)
            {
                // Models run in this command are checked before they are published (inside the same transaction).
                publish ??= request.RunModels ? await engine.BeginTransactionAsync(cancellationToken) : null;
                await new TestExecutor(engine, scripts).RunAsync(ordered.Where(n => n.Kind == NodeKinds.Test).ToList(), publish, result =>
                {
                    tests.Add(result);
                    reporter.TestFinished(result);
                }, cancellationToken);
            }

            if (tests.Any(t => t.Status == TestResult.Failed))
            {
                if (publish is not null)
                    await publish.RollbackAsync(cancellationToken);
                return ExitCodes.TestsFailed;
            }

            if (publish is not null)
                await publish.CommitAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        finally
        {
            // Disposing an uncommitted transaction rolls it back (a failed statement, cancellation).
            if (publish is not null)
                await publish.DisposeAsync();
        }
    }

    /// <summary>Rows not valid UTF-8 are not loaded: each is named (the first ten), with the table that keeps them all.</summary>
    private void ReportRejected(IReadOnlyList<RejectedRow> rejected, ManifestBookkeeping bookkeeping)
    {
        if (rejected.Count == 0)
            return;
        foreach (var row in rejected.Take(10))
            reporter.Step($"warning: {row}");
        reporter.Step($"warning: {rejected.Count} lake row(s) in {rejected.Select(r => r.File).Distinct().Count()} file(s) are not valid UTF-8 and are not loaded; " +
            $"{bookkeeping.RejectedRows} lists them");
    }

    /// <summary>
    /// A selected node reads its unselected upstreams as they are in the target: each must be there already, or the
    /// node's SQL would fail on a missing relation. All of them are named at once, with the fix.
    /// </summary>
    private static void RequireUpstreams(WarehouseManifest manifest, NodeSelection selection, IReadOnlyList<ManifestNode> ordered, HashSet<string> existing)
    {
        var byId = manifest.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var missing = ordered
            .Select(n => (Node: n.Id, Upstreams: n.Dependencies
                .Where(d => !selection.Ids.Contains(d) && byId.TryGetValue(d, out var upstream) && upstream.HasRelation && !existing.Contains(d))
                .ToList()))
            .Where(m => m.Upstreams.Count > 0)
            .ToList();
        if (missing.Count == 0)
            return;
        throw new WarehouseException(ExitCodes.BadInput,
            $"{selection.Description}: {string.Join("; ", missing.Select(m => $"{m.Node} reads {string.Join(", ", m.Upstreams)}"))} " +
            $"(not selected, and not in the target yet); select the upstreams too, e.g. +{missing[0].Node}, or deploy them first");
    }

    /// <summary>The schemas whose catalog the plan compares: the model's, and those of nodes recorded but since removed.</summary>
    public static IReadOnlyCollection<string> CatalogSchemas(WarehouseManifest manifest, IReadOnlyDictionary<string, RecordedNode> recorded) =>
        manifest.Nodes.Where(n => n.HasRelation).Select(n => n.Schema)
            .Concat(recorded.Keys.Select(id => id[..id.IndexOf('.', StringComparison.Ordinal)]))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The plan the run applies, refused before any node runs when it would lose a type-2 dimension's history
    /// without --allow-history-loss, or leave a dependant of a rebuilt node out of the selection.
    /// </summary>
    private ChangeApplier Plan(RunRequest request, WarehouseScripts scripts, IReadOnlyDictionary<string, RecordedNode> recorded,
        IReadOnlyList<CatalogColumn> catalog)
    {
        var plan = ChangePlan.Compute(request.Manifest, scripts, recorded, catalog, request.Selection, request.AllowHistoryLoss);
        if ((plan.HistoryRefusal() ?? plan.SelectionRefusal(request.Selection)) is { } refusal)
            throw new WarehouseException(ExitCodes.BadInput, refusal);
        foreach (var change in plan.Changes.Where(c => c.Action != NodeAction.Run))
            reporter.Step($"plan: {change.Node}: {PlanText.Action(change)} ({string.Join("; ", change.Reasons)})");
        return new ChangeApplier(engine, request.Manifest.Bookkeeping, scripts, plan, request.Manifest, request.BatchAtText);
    }

    private async Task DropRemovedAsync(ChangeApplier changes, bool published, DbTransaction? publish, CancellationToken cancellationToken)
    {
        if (published)
        {
            await changes.DropRemovedAsync(true, publish!, cancellationToken);
            return;
        }

        if (!changes.Plan.Changes.Any(c => c.Action == NodeAction.Drop && !changes.Plan.Recorded[c.Node].Published))
            return;
        await using var own = await engine.BeginTransactionAsync(cancellationToken);
        await changes.DropRemovedAsync(false, own, cancellationToken);
        await own.CommitAsync(cancellationToken);
    }

    /// <summary>Best effort: history must not hide the run's own outcome when the target itself is failing.</summary>
    private async Task RecordAsync(ManifestBookkeeping bookkeeping, RunResults results, CancellationToken cancellationToken)
    {
        try
        {
            await RunHistory.RecordAsync(engine, bookkeeping, results, cancellationToken);
        }
        catch (DbException e)
        {
            reporter.Step($"run history not recorded: {e.Message.Split('\n')[0]}");
        }
    }
}

/// <summary>A run that stopped on an error, carrying what it had done for run_results.json.</summary>
public sealed class RunFailedException(RunResults results, WarehouseException inner) : Exception(inner.Message, inner)
{
    public RunResults Results { get; } = results;

    public int ExitCode => inner.ExitCode;
}
