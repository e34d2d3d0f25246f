using System.Text;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// A line diff of two scripts (longest common subsequence over their lines; a node's script is a few hundred lines),
/// for <c>plan --diff</c> and for telling an additive change from one that rewrites existing columns. Whole-line
/// comments are left out: they hold descriptions, never logic.
/// </summary>
public static class ScriptDiff
{
    /// <summary>The lines only one of the scripts has (removed, then added), comments left out.</summary>
    public static IReadOnlyList<string> ChangedLines(string before, string after) =>
        Diff(before, after).Where(d => d.Mark != ' ').Select(d => d.Line).ToList();

    /// <summary>The diff as text: <c>-</c> removed, <c>+</c> added, two lines of context around each change.</summary>
    public static string Unified(string before, string after, int context = 2)
    {
        var lines = Diff(before, after);
        var shown = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Mark == ' ')
                continue;
            for (int j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                shown[j] = true;
        }

        var text = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (shown[i])
                text.Append(lines[i].Mark).Append(' ').Append(lines[i].Line).Append('\n');
            else if (i > 0 && shown[i - 1])
                text.Append("  ...\n");
        }

        return text.ToString();
    }

    private static List<(char Mark, string Line)> Diff(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        // common[i, j]: the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Count + 1, b.Count + 1];
        for (int i = a.Count - 1; i >= 0; i--)
        {
            for (int j = b.Count - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        }

        var diff = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                diff.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Count && (x == a.Count || common[x, y + 1] >= common[x + 1, y]))
            {
                diff.Add(('+', b[y++]));
            }
            else
            {
                diff.Add(('-', a[x++]));
            }
        }

        return diff;
    }

    private static List<string> Lines(string script) =>
        script.ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Length > 0)
            .ToList();
}
