using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Warehouse.Generators;

namespace Warehouse.Benchmarks;

/// <summary>
/// Where a generator run spends its time, per pipeline step: the driver records each tracked step's elapsed time
/// (trackIncrementalGeneratorSteps). Stopwatch instrumentation without a profiler; run with `-- stages N`.
/// </summary>
public static class StageProfile
{
    private static readonly string[] Steps =
    {
        TrackingNames.Parse, TrackingNames.Collect, TrackingNames.Resolve, TrackingNames.Diagnostics,
        TrackingNames.Nodes, TrackingNames.Encode, TrackingNames.Index,
    };

    /// <summary>The generator's whole-model source files (the rest are one per record).</summary>
    public static readonly string[] WholeModelFiles = { "Warehouse.Model.g.cs" };

    public static void Run(int models, int repeats, bool trackSteps, TextWriter output)
    {
        var harness = new GeneratorHarness(SyntheticModel.Create(models), trackSteps);
        for (int i = 0; i < 2; i++) harness.IncrementalRun(harness.FullRun()); // JIT warm-up

        var fullWall = new List<double>();
        var incrementalWall = new List<double>();
        var fullCpu = new List<double>();
        var incrementalCpu = new List<double>();
        var process = Process.GetCurrentProcess();
        double Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        var full = new Dictionary<string, List<double>>();
        var incremental = new Dictionary<string, List<double>>();
        for (int i = 0; i < repeats; i++)
        {
            double cpu = Cpu();
            var watch = Stopwatch.StartNew();
            var warm = harness.FullRun();
            fullWall.Add(watch.Elapsed.TotalMilliseconds);
            fullCpu.Add(Cpu() - cpu);
            Collect(warm, full);

            cpu = Cpu();
            watch.Restart();
            var edited = harness.IncrementalRun(warm);
            incrementalWall.Add(watch.Elapsed.TotalMilliseconds);
            incrementalCpu.Add(Cpu() - cpu);
            Collect(edited, incremental);
        }

        output.WriteLine($"models={models} repeats={repeats} trackIncrementalGeneratorSteps={trackSteps}");
        if (trackSteps)
        {
            var reencoded = Checks.Verify(harness, harness.FullRun());
            output.WriteLine($"editing {harness.Model.EditedId} re-encodes {reencoded.Count} node(s): {string.Join(", ", reencoded)}");
        }

        var generated = harness.FullRun().GetRunResult().GeneratedTrees;
        var parse = Stopwatch.StartNew();
        foreach (var tree in generated)
        {
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(tree.GetText(), (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options).GetRoot();
        }

        var largest = generated.OrderByDescending(t => t.Length).First();
        output.WriteLine($"generated: {generated.Length} files, {generated.Sum(t => t.Length) / 1024} KiB of C#; re-parsing them all takes {parse.Elapsed.TotalMilliseconds:F0} ms; " +
                         $"largest: {Path.GetFileName(largest.FilePath)} {largest.Length / 1024} KiB");
        Print(output, "full run", fullWall, fullCpu, full);
        Print(output, "incremental (one dimension edited)", incrementalWall, incrementalCpu, incremental);
    }

    private static void Collect(GeneratorDriver driver, Dictionary<string, List<double>> into)
    {
        if (!into.TryGetValue("(generator total)", out var total)) into["(generator total)"] = total = new List<double>();
        total.Add(driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
        var steps = driver.GetRunResult().Results[0].TrackedSteps; // empty without tracking
        foreach (var name in Steps)
        {
            double ms = steps.TryGetValue(name, out var runs) ? runs.Sum(r => r.ElapsedTime.TotalMilliseconds) : 0;
            if (!into.TryGetValue(name, out var list)) into[name] = list = new List<double>();
            list.Add(ms);
        }
    }

    private static void Print(TextWriter output, string title, List<double> wall, List<double> cpu, Dictionary<string, List<double>> steps)
    {
        // CPU time of the process (all threads, GC included) is steadier than wall time on a shared, loaded machine.
        output.WriteLine($"{title}: wall median {Median(wall):F1} ms, process CPU median {Median(cpu):F1} ms");
        foreach (var (name, values) in steps)
        {
            output.WriteLine($"  {name,-20} median {Median(values),9:F1} ms");
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
