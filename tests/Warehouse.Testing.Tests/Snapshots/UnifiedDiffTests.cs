using Warehouse.Testing.Snapshots;
using Xunit;

namespace Warehouse.Testing.Tests.Snapshots;

public sealed class UnifiedDiffTests
{
    static readonly string Hundred = string.Concat(Enumerable.Range(1, 100).Select(i => $"line {i}\n"));

    [Fact]
    public void Distant_changes_get_separate_hunks_with_three_lines_of_context()
    {
        var changed = Hundred.Replace("line 10\n", "ten\n").Replace("line 90\n", "ninety\n");

        var diff = UnifiedDiff.Format(Hundred, changed, "a", "b");

        Assert.Contains("@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+ten\n line 11\n", diff);
        Assert.Contains("@@ -87,7 +87,7 @@\n", diff);
    }

    [Fact]
    public void Long_diffs_are_cut()
    {
        var diff = UnifiedDiff.Format(Hundred, Hundred.Replace("line", "row"), "a", "b", maxLines: 10);

        Assert.Equal(11, diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("diff cut after 10 of", diff);
    }
}
