using System.Globalization;
using Spectre.Console;
using Warehouse.Deploy.Execution;

namespace Warehouse.Deploy.Cli;

/// <summary>The end-of-run tables: one row per node, test totals, and the first failing rows of each failed test.</summary>
public static class RunSummary
{
    public static void Render(IAnsiConsole console, RunResults run)
    {
        if (run.Nodes.Count > 0)
        {
            var nodes = new Table().Title("nodes").AddColumns("node", "kind", "rows in", "rows out", "quarantined", "duration");
            foreach (var node in run.Nodes)
            {
                long? rowsIn = node.RowsLoaded ?? node.RowsAdded + node.Quarantined;
                string rowsOut = node.RowsAfter is null ? "-" : $"{node.RowsAfter} (+{node.RowsAdded})";
                nodes.AddRow(Markup.Escape(node.Id), node.Kind, Count(rowsIn), Markup.Escape(rowsOut), Count(node.Quarantined),
                    $"{node.DurationMs} ms");
            }

            console.Write(nodes);
        }

        if (run.Tests.Count > 0)
        {
            console.MarkupLineInterpolated(
                $"tests: [green]{run.Tests.Count(t => t.Status == TestResult.Passed)} passed[/], [red]{run.Tests.Count(t => t.Status == TestResult.Failed)} failed[/], [yellow]{run.Tests.Count(t => t.Status == TestResult.Warned)} warned[/]");
        }

        foreach (var test in run.Tests.Where(t => t.Status != TestResult.Passed))
        {
            var sample = new Table().Title($"{test.Id}: {test.Failures} failing row(s), first {test.Sample.Count}");
            sample.AddColumns(test.Columns.Select(Markup.Escape).ToArray());
            foreach (var row in test.Sample)
                sample.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(sample);
        }

        if (run.Selected is not null)
            console.MarkupLineInterpolated($"{run.Selected}");
        console.MarkupLineInterpolated($"[bold]{run.Command} {run.Status}[/] on {run.Target} in {(run.FinishedAt - run.StartedAt).TotalSeconds:0.0} s (batch_at {run.BatchAt})");
    }

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
