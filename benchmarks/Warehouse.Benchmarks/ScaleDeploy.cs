using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warehouse.Deploy.Cli;
using Warehouse.Deploy.Execution;

namespace Warehouse.Benchmarks;

/// <summary>
/// deploy-scale N [ROWS] [--engine duckdb|postgres] [--connection CS] [--work DIR] (issue 10): the runner at N
/// synthetic models. Writes the model's artifacts (<see cref="SyntheticArtifacts"/>) and a lake of ROWS rows per
/// source (<see cref="SyntheticLake"/>), deploys them in-process through the runner's own command line into a fresh
/// DuckDB file or the given (empty) PostgreSQL database, and prints the time per node from run_results.json: what a
/// runner that is linear in the number of nodes keeps flat from N = 100 to N = 1,000.
/// </summary>
public static class ScaleDeploy
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        int models = int.Parse(args[0], CultureInfo.InvariantCulture);
        int rows = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        string engine = Option(args, "--engine") ?? "duckdb";
        if (engine is not ("duckdb" or "postgres"))
            throw new ArgumentException($"--engine {engine}: duckdb or postgres");
        string? connection = Option(args, "--connection");
        if (engine == "postgres" && connection is null)
            throw new ArgumentException("--engine postgres needs --connection (an empty database)");
        string work = Path.GetFullPath(Option(args, "--work") ?? Directory.CreateTempSubdirectory("warehouse-scale-").FullName);
        string artifacts = Path.Combine(work, "artifacts");
        string lake = Path.Combine(work, "lake");
        string database = Path.Combine(work, "scale.duckdb");
        // A fresh start every time: the deploy is a first load of every node, comparable across runs.
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(work);
        foreach (var folder in new[] { artifacts, lake })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        foreach (var file in new[] { database, database + ".wal" })
            File.Delete(file);

        double cleanupSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        int artifactFiles = SyntheticArtifacts.Write(SyntheticModel.Create(models), artifacts);
        double artifactSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        int lakeFiles = SyntheticLake.Write(artifacts, lake, rows);
        output.WriteLine($"deploy-scale: {models} models, {rows} rows per source, {engine}; {artifactFiles} artifact files in {artifactSeconds:F1} s, " +
                         $"{lakeFiles} lake files in {watch.Elapsed.TotalSeconds:F1} s, under {work} (the previous run's files removed in {cleanupSeconds:F1} s)");

        // The runner's own command line, as `dotnet run -- deploy` would call it; its console output (a line per
        // node and test, then the summary) goes to a log file so that it does not drown the figures.
        var deployArgs = new List<string> { "deploy", "--artifacts", artifacts, "--lake", lake, "--as-of", "2025-01-01", "--target", engine };
        deployArgs.AddRange(engine == "postgres" ? ["--connection", connection!] : ["--database", database]);
        string log = Path.Combine(work, $"deploy-{engine}.log");
        int exitCode;
        await using (var logWriter = new StreamWriter(log))
        {
            var environment = new CliEnvironment(logWriter, output, work, Environment.GetEnvironmentVariable, Interactive: false);
            watch.Restart();
            exitCode = await WarehouseCli.RunAsync(deployArgs.ToArray(), null, environment, CancellationToken.None);
        }

        double wallSeconds = watch.Elapsed.TotalSeconds;
        var results = JsonSerializer.Deserialize<RunResults>(File.ReadAllText(Path.Combine(artifacts, ResultsFile.FileName)))
                      ?? throw new InvalidOperationException("empty run_results.json");
        Report(results, wallSeconds, output);
        if (exitCode != 0)
            output.WriteLine($"deploy failed with exit code {exitCode} (log: {log})");
        return exitCode;
    }

    private static void Report(RunResults results, double wallSeconds, TextWriter output)
    {
        var nodes = results.Nodes;
        double nodeSeconds = nodes.Sum(n => n.DurationMs) / 1000.0;
        // Generic tests share one batched query whose time is split evenly among them, so the sum is the batch.
        double testSeconds = results.Tests.Sum(t => t.DurationMs) / 1000.0;
        output.WriteLine($"deploy: exit {results.ExitCode}, {wallSeconds:F1} s wall; {nodes.Count} nodes {nodeSeconds:F1} s, " +
                         $"{results.Tests.Count} tests {testSeconds:F1} s, the rest (lake validation, scripts, setup, catalog, history) " +
                         $"{wallSeconds - nodeSeconds - testSeconds:F1} s");
        output.WriteLine($"per node: {Line(nodes.Select(n => (double)n.DurationMs).ToList())}");
        foreach (var kind in nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {kind.Key,-10} {kind.Count(),5} nodes: {Line(kind.Select(n => (double)n.DurationMs).ToList())}");
        output.WriteLine("10 slowest nodes:");
        foreach (var node in nodes.OrderByDescending(n => n.DurationMs).ThenBy(n => n.Id, StringComparer.Ordinal).Take(10))
            output.WriteLine($"  {node.DurationMs,7} ms  {node.Id} ({node.Kind})");
    }

    private static string Line(IReadOnlyList<double> milliseconds) =>
        $"median {StageProfile.Median(milliseconds):F0} ms, p95 {Percentile(milliseconds, 0.95):F0} ms, max {milliseconds.DefaultIfEmpty().Max():F0} ms";

    /// <summary>Nearest rank: the smallest value with at least <paramref name="share"/> of the values at or below it.</summary>
    private static double Percentile(IReadOnlyList<double> values, double share)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
