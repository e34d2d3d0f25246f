using System.Diagnostics;
using Warehouse.Benchmarks;
// usage: dump N OUTDIR  -- runs the Warehouse generator in-process (no step tracking) and writes every generated source.
int n = int.Parse(args[0]);
string outDir = args[1];
Directory.CreateDirectory(outDir);
var watch = Stopwatch.StartNew();
var harness = new GeneratorHarness(SyntheticModel.Create(n), trackSteps: false);
var result = harness.FullRun().GetRunResult();
Console.WriteLine($"generator ran in {watch.Elapsed.TotalSeconds:F1} s; diagnostics: {result.Diagnostics.Length}");
foreach (var d in result.Diagnostics.Take(5)) Console.WriteLine(d);
long total = 0;
foreach (var src in result.Results.Single().GeneratedSources)
{
    var text = src.SourceText.ToString();
    File.WriteAllText(Path.Combine(outDir, src.HintName), text);
    total += System.Text.Encoding.UTF8.GetByteCount(text);
}
Console.WriteLine($"{result.Results.Single().GeneratedSources.Length} files, {total / 1e6:F1} MB");
