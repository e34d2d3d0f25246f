using Spectre.Console;
using Warehouse.Deploy.Execution;

namespace Warehouse.Deploy.Cli;

/// <summary>Prints a line per finished node and test as the run goes, so long deploys show progress.</summary>
public sealed class SpectreReporter(IAnsiConsole console) : IRunReporter
{
    public void Step(string message) => console.MarkupLineInterpolated($"[grey]{message}[/]");

    public void NodeFinished(NodeResult node) =>
        console.MarkupLineInterpolated($"[green]ok[/]   {node.Id} [grey]({node.DurationMs} ms)[/]");

    public void TestFinished(TestResult test)
    {
        string mark = test.Status switch
        {
            TestResult.Passed => "[green]pass[/]",
            TestResult.Warned => "[yellow]warn[/]",
            _ => "[red]fail[/]",
        };
        console.MarkupLine($"{mark} {Markup.Escape(test.Id)} [grey]({test.Failures} failing row(s), {test.DurationMs} ms)[/]");
    }
}
