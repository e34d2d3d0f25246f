using Microsoft.CodeAnalysis;
using Warehouse.Generators;
using Warehouse.Generators.Output;

namespace Warehouse.Benchmarks;

/// <summary>
/// Correctness checks run outside the timings (benchmark setup and smoke mode): the synthetic model compiles without
/// generator diagnostics, and the incremental edit re-encodes the edited record and only records downstream of it
/// (the build task and the runner render from those encoded specs).
/// </summary>
public static class Checks
{
    /// <returns>The ids re-encoded by the incremental run.</returns>
    public static IReadOnlyList<string> Verify(GeneratorHarness harness, GeneratorDriver warm)
    {
        var full = warm.GetRunResult();
        if (full.Diagnostics.Length > 0)
            throw new InvalidOperationException("the synthetic model has generator diagnostics:\n" + string.Join("\n", full.Diagnostics.Take(10)));
        int expectedSources = harness.Model.Records.Count + StageProfile.WholeModelFiles.Length;
        if (full.GeneratedTrees.Length != expectedSources)
            throw new InvalidOperationException($"expected {expectedSources} generated files (one per record + WarehouseModel), got {full.GeneratedTrees.Length}");

        var result = harness.IncrementalRun(warm).GetRunResult().Results[0];
        var outputs = result.TrackedSteps[TrackingNames.Encode].SelectMany(s => s.Outputs).ToList();
        if (outputs.Count != harness.Model.Records.Count)
            throw new InvalidOperationException($"Encode saw {outputs.Count} nodes, expected {harness.Model.Records.Count}");
        var rerendered = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => IdOf(o.Value)).ToList();
        var allowed = harness.Model.DependantsOfEdit();
        var outside = rerendered.Where(id => !allowed.Contains(id)).ToList();
        if (outside.Count > 0)
            throw new InvalidOperationException($"editing {harness.Model.EditedId} re-encoded records that do not depend on it: {string.Join(", ", outside)}");
        if (!rerendered.Contains(harness.Model.EditedId))
            throw new InvalidOperationException($"editing {harness.Model.EditedId} did not re-encode it");
        return rerendered;
    }

    private static string IdOf(object value) => ((EncodedNode)value).Id;
}
