using System.Text;
using DiffPlex;

namespace Warehouse.Testing.Snapshots;

/// <summary>Renders a unified diff (like <c>diff -u</c>) of two texts, cut after the first differences so failures stay readable.</summary>
public static class UnifiedDiff
{
    const int Context = 3;

    public static string Format(string expected, string actual, string expectedLabel, string actualLabel, int maxLines = 60)
    {
        var diff = Differ.Instance.CreateLineDiffs(expected, actual, ignoreWhitespace: false, ignoreCase: false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var blocks = diff.DiffBlocks;
        var output = new List<string> { $"--- {expectedLabel}", $"+++ {actualLabel}" };

        for (var first = 0; first < blocks.Count;)
        {
            // Blocks closer than two contexts apart share one hunk, as diff -u does.
            var last = first;
            while (last + 1 < blocks.Count
                   && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
                last++;

            var startA = Math.Max(0, blocks[first].DeleteStartA - Context);
            var startB = blocks[first].InsertStartB - (blocks[first].DeleteStartA - startA);
            var endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(b.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            output.Add($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@");

            var position = startA;
            for (var k = first; k <= last; k++)
            {
                var block = blocks[k];
                for (; position < block.DeleteStartA; position++) output.Add(" " + a[position]);
                for (var i = 0; i < block.DeleteCountA; i++) output.Add("-" + a[block.DeleteStartA + i]);
                for (var i = 0; i < block.InsertCountB; i++) output.Add("+" + b[block.InsertStartB + i]);
                position = block.DeleteStartA + block.DeleteCountA;
            }
            for (; position < endA; position++) output.Add(" " + a[position]);
            first = last + 1;
        }

        var text = new StringBuilder();
        foreach (var line in output.Take(maxLines)) text.Append(line).Append('\n');
        if (output.Count > maxLines)
            text.Append($"... diff cut after {maxLines} of {output.Count} lines; compare the verified and received files.\n");
        return text.ToString();
    }
}
