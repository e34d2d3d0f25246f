using System.Diagnostics;
using BenchmarkDotNet.Running;
using Warehouse.Benchmarks;

// Modes (see benchmarks/README.md):
//   smoke | --smoke                 quick correctness + timing pass at the smallest sizes (CI), no BenchmarkDotNet
//   stages N [REPEATS] [--no-tracking]  per-pipeline-step generator times at N models (profiling without a profiler)
//   sql DATABASE SCRIPT [k=v ...]   runs a SQL script through DuckDB.NET ({{k}} replaced by v); the hand-written baseline
//   deploy-scale N [ROWS] [...]     the runner at N synthetic models (benchmarks/pipeline/scale.sh)
//   write-project N DIR [--no-warehouse]  writes the N synthetic models as a model project into the new folder DIR
//                                   (benchmarks/build/build-bench.sh builds it); --no-warehouse: WarehouseEnabled=false
//   anything else                   BenchmarkDotNet's switcher, e.g. --filter '*Generator*'
switch (args.FirstOrDefault())
{
    case "smoke" or "--smoke":
        return Smoke();
    case "stages":
        StageProfile.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
            args.Length > 2 && args[2] != "--no-tracking" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10,
            !args.Contains("--no-tracking"), Console.Out);
        return 0;
    case "sql":
        return SqlScript.Run(args[1], args[2], args.Skip(3).ToArray(), Console.Out);
    case "deploy-scale":  // deploy-scale N [ROWS] [--engine duckdb|postgres] [--connection CS] [--work DIR]: the runner at N models
        return await ScaleDeploy.RunAsync(args[1..], Console.Out);
    case "write-project":
        SyntheticProject.Write(SyntheticModel.Create(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)), args[2],
            warehouse: !args.Contains("--no-warehouse"));
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
        return 0;
}

static int Smoke()
{
    var total = Stopwatch.StartNew();
    foreach (int models in new[] { 10, 100 })
    {
        var harness = new GeneratorHarness(SyntheticModel.Create(models));
        var warm = harness.FullRun();
        var reencoded = Checks.Verify(harness, warm);
        var full = new List<double>();
        var incremental = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var driver = harness.FullRun();
            full.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            harness.IncrementalRun(driver);
            incremental.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"generator models={models}: full median {StageProfile.Median(full):F1} ms, incremental median {StageProfile.Median(incremental):F1} ms, " +
                          $"edit of {harness.Model.EditedId} re-encoded {reencoded.Count} node(s): {string.Join(", ", reencoded)}");
    }

    // The largest model is made (not compiled) too, so a broken maker shows up in CI.
    int records = SyntheticModel.Create(1000).Records.Count;
    if (records != 1000) throw new InvalidOperationException($"SyntheticModel.Create(1000) made {records} records");
    Console.WriteLine($"smoke finished in {total.Elapsed.TotalSeconds:F1} s");
    return 0;
}
