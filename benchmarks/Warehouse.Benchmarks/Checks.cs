using Microsoft.CodeAnalysis;
using Warehouse.Generators;
using Warehouse.Generators.Emitters;

namespace Warehouse.Benchmarks;

/// <summary>
/// Correctness checks run outside the timings (benchmark setup and smoke mode): the synthetic model compiles without
/// generator diagnostics, and each of its edits compiles without them too and re-renders the edited record and only
/// records downstream of it.
/// </summary>
public static class Checks
{
    /// <returns>The ids re-rendered by the incremental run of the type-2 edit (<see cref="SyntheticModel.ScdTypeEdit"/>).</returns>
    public static IReadOnlyList<string> Verify(GeneratorHarness harness, GeneratorDriver warm)
    {
        var full = warm.GetRunResult();
        if (full.Diagnostics.Length > 0)
            throw new InvalidOperationException("the synthetic model has generator diagnostics:\n" + string.Join("\n", full.Diagnostics.Take(10)));
        int expectedSources = harness.Model.Records.Count + StageProfile.WholeModelFiles.Length;
        if (full.GeneratedTrees.Length != expectedSources)
            throw new InvalidOperationException($"expected {expectedSources} generated files (one per record + the whole-model files), got {full.GeneratedTrees.Length}");

        var rerendered = harness.Model.Edits.ToDictionary(edit => edit, edit => Rerendered(harness, warm, edit));
        return rerendered[harness.Model.ScdTypeEdit];
    }

    private static List<string> Rerendered(GeneratorHarness harness, GeneratorDriver warm, SyntheticEdit edit)
    {
        var run = harness.IncrementalRun(warm, edit).GetRunResult();
        if (run.Diagnostics.Length > 0)
            throw new InvalidOperationException($"the '{edit.Name}' edit has generator diagnostics:\n" + string.Join("\n", run.Diagnostics.Take(10)));
        var outputs = run.Results[0].TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs).ToList();
        if (outputs.Count != harness.Model.Records.Count)
            throw new InvalidOperationException($"Render saw {outputs.Count} nodes, expected {harness.Model.Records.Count}");
        var rerendered = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => IdOf(o.Value)).ToList();
        var allowed = harness.Model.DependantsOfEdit();
        var outside = rerendered.Where(id => !allowed.Contains(id)).ToList();
        if (outside.Count > 0)
            throw new InvalidOperationException($"the '{edit.Name}' edit of {edit.Id} re-rendered records that do not depend on it: {string.Join(", ", outside)}");
        if (!rerendered.Contains(edit.Id))
            throw new InvalidOperationException($"the '{edit.Name}' edit of {edit.Id} did not re-render it");
        return rerendered;
    }

    private static string IdOf(object value) => ((RenderedNode)value).Id;
}
