using System.Text.RegularExpressions;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The runner is the product: it must not know the Banking sample's data. The bank's generator and file naming live
/// in samples/Banking/Lake; the runner places and stages files only by what the manifest says.
/// </summary>
public sealed partial class RunnerKnowsNoSampleTests
{
    /// <summary>The bank's table prefixes, its business words, and its seed files' naming (the 14 files, _batchN).</summary>
    [GeneratedRegex(@"\b(dim|fact)_|account|customer|_batch(\d|N\b)|seed's|seed-named|14 files", RegexOptions.IgnoreCase)]
    private static partial Regex BankingWords();

    [Fact]
    public void The_runner_source_names_nothing_of_the_Banking_sample()
    {
        string runner = Path.Combine(Repository.Root, "src", "Warehouse.Deploy");
        var files = Directory.EnumerateFiles(runner, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(runner, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();

        var hits = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(runner, f), Line: i + 1, Text: line)))
            .Where(l => BankingWords().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(files.Count > 50, $"only {files.Count} source files under {runner}");
        Assert.True(hits.Count == 0, "the runner names the Banking sample:\n" + string.Join('\n', hits));
    }
}
