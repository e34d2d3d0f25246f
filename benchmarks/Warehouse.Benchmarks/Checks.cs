using Microsoft.CodeAnalysis;
using Warehouse.Generators;
using Warehouse.Generators.Output;

namespace Warehouse.Benchmarks;

/// <summary>
/// Correctness checks run outside the timings (benchmark setup and smoke mode): the synthetic model compiles without
/// generator diagnostics, and each of its edits compiles without them too and re-encodes the edited record and only
/// records downstream of it (the build task and the runner render from those encoded specs).
/// </summary>
public static class Checks
{
    /// <returns>The ids re-encoded by the incremental run of the type-2 edit (<see cref="SyntheticModel.ScdTypeEdit"/>).</returns>
    public static IReadOnlyList<string> Verify(GeneratorHarness harness, GeneratorDriver warm)
    {
        var full = warm.GetRunResult();
        if (full.Diagnostics.Length > 0)
            throw new InvalidOperationException("the synthetic model has generator diagnostics:\n" + string.Join("\n", full.Diagnostics.Take(10)));
        int expectedSources = harness.Model.Records.Count + StageProfile.WholeModelFiles.Length;
        if (full.GeneratedTrees.Length != expectedSources)
            throw new InvalidOperationException($"expected {expectedSources} generated files (one per record + WarehouseModel), got {full.GeneratedTrees.Length}");

        var reencoded = harness.Model.Edits.ToDictionary(edit => edit, edit => Reencoded(harness, warm, edit));
        return reencoded[harness.Model.ScdTypeEdit];
    }

    private static List<string> Reencoded(GeneratorHarness harness, GeneratorDriver warm, SyntheticEdit edit)
    {
        var run = harness.IncrementalRun(warm, edit).GetRunResult();
        if (run.Diagnostics.Length > 0)
            throw new InvalidOperationException($"the '{edit.Name}' edit has generator diagnostics:\n" + string.Join("\n", run.Diagnostics.Take(10)));
        var outputs = run.Results[0].TrackedSteps[TrackingNames.Encode].SelectMany(s => s.Outputs).ToList();
        if (outputs.Count != harness.Model.Records.Count)
            throw new InvalidOperationException($"Encode saw {outputs.Count} nodes, expected {harness.Model.Records.Count}");
        var reencoded = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => IdOf(o.Value)).ToList();
        var allowed = harness.Model.DependantsOfEdit();
        var outside = reencoded.Where(id => !allowed.Contains(id)).ToList();
        if (outside.Count > 0)
            throw new InvalidOperationException($"the '{edit.Name}' edit of {edit.Id} re-encoded records that do not depend on it: {string.Join(", ", outside)}");
        if (!reencoded.Contains(edit.Id))
            throw new InvalidOperationException($"the '{edit.Name}' edit of {edit.Id} did not re-encode it");
        return reencoded;
    }

    private static string IdOf(object value) => ((EncodedNode)value).Id;
}
