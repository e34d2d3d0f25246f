using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Warehouse.Benchmarks;

/// <summary>
/// The generator on 10, 100 and 1,000 synthetic models: a cold full run, and an incremental run after one
/// dimension record changed (goals at 1,000: full ≤ 1 s, incremental ≤ 50 ms). The setup checks what the
/// incremental run re-renders (see <see cref="Checks"/>), so a timing is never of a run that cached too much.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorHarness _harness = null!;
    private GeneratorDriver _warm = null!;

    [Params(10, 100, 1000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _harness = new GeneratorHarness(SyntheticModel.Create(Models));
        _warm = _harness.FullRun();
        Checks.Verify(_harness, _warm);
    }

    [Benchmark]
    public GeneratorDriver FullRun() => _harness.FullRun();

    [Benchmark]
    public GeneratorDriver IncrementalEdit() => _harness.IncrementalRun(_warm);
}
