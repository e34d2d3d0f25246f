using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// A line diff of two scripts (longest common subsequence over their lines; a node's script is a few hundred lines),
/// for <c>plan --diff</c> and for telling an additive change from one that rewrites existing columns. Whole-line
/// comments are left out: they hold descriptions, never logic.
/// </summary>
public static class ScriptDiff
{
    /// <summary>
    /// Whether every line that differs is about the <paramref name="columns"/> only: it names one of them (as itself
    /// or as a working name such as <c>raw__city</c>), or it is a line of the other script with only separators and
    /// values added (a column list, the unknown member's values) or closing punctuation moved (a condition that gained
    /// an OR line). A script whose other lines changed computes something else for the columns it had.
    /// </summary>
    public static bool OnlyTouches(string before, string after, IReadOnlyCollection<string> columns)
    {
        var diff = Diff(before, after);
        var removed = diff.Where(d => d.Mark == '-').Select(d => Tokens(d.Line)).ToList();
        var added = diff.Where(d => d.Mark == '+').Select(d => Tokens(d.Line)).ToList();
        var names = columns.Select(c => new Regex($@"^""?(?:\w+__)?{Regex.Escape(c)}""?$", RegexOptions.CultureInvariant)).ToList();
        bool Names(List<string> line) => line.Any(t => names.Any(n => n.IsMatch(t)));
        bool Closes(List<string> line, List<string> other) => Except(line, other).All(t => t is ")" or ";" or ",");
        return removed.All(r => Names(r) || added.Any(a => Closes(r, a)))
            && added.All(a => Names(a) || removed.Any(r => Closes(r, a) && Except(a, r).All(IsValueOrSeparator)));
    }

    /// <summary>The tokens of <paramref name="line"/> that <paramref name="other"/> does not have (as many times as they are missing).</summary>
    private static List<string> Except(List<string> line, List<string> other)
    {
        var remaining = other.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var token in line)
        {
            if (remaining.TryGetValue(token, out int count) && count > 0)
                remaining[token] = count - 1;
            else
                missing.Add(token);
        }

        return missing;
    }

    private static List<string> Tokens(string line) => Token.Matches(line).Select(m => m.Value).ToList();

    private static bool IsValueOrSeparator(string token) =>
        token is "," or "NULL" or "TRUE" or "FALSE" or "-" || token.StartsWith('\'') || char.IsDigit(token[0]);

    private static readonly Regex Token = new(@"""(?:[^""]|"""")*""|'(?:[^']|'')*'|\w+|\S", RegexOptions.CultureInvariant);

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
            else if (x < a.Count && (y == b.Count || common[x + 1, y] >= common[x, y + 1]))
            {
                diff.Add(('-', a[x++]));
            }
            else
            {
                diff.Add(('+', b[y++]));
            }
        }

        return diff;
    }

    private static List<string> Lines(string script) =>
        script.ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Length > 0)
            .ToList();
}
