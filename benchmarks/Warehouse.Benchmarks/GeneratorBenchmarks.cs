using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Warehouse.Benchmarks;

/// <summary>
/// The generator on 10, 100 and 1,000 synthetic models: a cold full run, and incremental runs after one dimension
/// record changed — type 1 → type 2, its description, a column added (goals at 1,000: full ≤ 1 s, incremental ≤
/// 50 ms; issue 10: ours ≤ 1.5 × Roslyn's floor). The floor (<see cref="RoslynFloorGenerator"/>) runs in the same
/// benchmark run on the same compilations. The setup checks what each incremental run re-renders (see
/// <see cref="Checks"/>), so a timing is never of a run that cached too much.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7, invocationCount: 1)]
public class GeneratorBenchmarks
{
    private GeneratorHarness _harness = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorHarness _floor = null!;
    private GeneratorDriver _floorWarm = null!;

    [Params(10, 100, 1000)]
    public int Models { get; set; }

    /// <summary>trackIncrementalGeneratorSteps as the brief asks (true), and as csc/the IDE run the generator (false).</summary>
    [Params(true, false)]
    public bool Tracking { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The check needs step tracking, whatever the timed runs use.
        var checkedHarness = new GeneratorHarness(SyntheticModel.Create(Models));
        Checks.Verify(checkedHarness, checkedHarness.FullRun());
        _harness = Tracking ? checkedHarness : new GeneratorHarness(checkedHarness.Model, trackSteps: false);
        _warm = _harness.FullRun();
        _floor = new GeneratorHarness(checkedHarness.Model, Tracking, new RoslynFloorGenerator());
        _floorWarm = _floor.FullRun();
    }

    [Benchmark]
    public GeneratorDriver FullRun() => _harness.FullRun();

    [Benchmark]
    public GeneratorDriver IncrementalEdit() => _harness.IncrementalRun(_warm);

    [Benchmark]
    public GeneratorDriver IncrementalDescriptionEdit() => _harness.IncrementalRun(_warm, _harness.Model.DescriptionEdit);

    [Benchmark]
    public GeneratorDriver IncrementalAddColumnEdit() => _harness.IncrementalRun(_warm, _harness.Model.AddColumnEdit);

    [Benchmark]
    public GeneratorDriver FloorFullRun() => _floor.FullRun();

    /// <summary>The floor's incremental run, after the type-2 edit (its transform ignores what changed, so any edit will do).</summary>
    [Benchmark]
    public GeneratorDriver FloorIncrementalEdit() => _floor.IncrementalRun(_floorWarm);
}
