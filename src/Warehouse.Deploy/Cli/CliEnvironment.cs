using System.Reflection;
using Spectre.Console;

namespace Warehouse.Deploy.Cli;

/// <summary>The process around a CLI run: its output streams, the model project's directory and its environment.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, string ProjectDirectory, Func<string, string?> Variable, bool Interactive)
{
    /// <summary>Redirected output (CI logs, files) has no terminal width, so it gets a wide one rather than Spectre's 80.</summary>
    public const int RedirectedWidth = 200;

    public IAnsiConsole Console { get; } = CreateConsole(Out, Interactive);

    private static IAnsiConsole CreateConsole(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!interactive)
            console.Profile.Width = RedirectedWidth;
        return console;
    }

    public static CliEnvironment FromProcess() => new(
        System.Console.Out, System.Console.Error, Warehouse.Deploy.ProjectDirectory.Find(Assembly.GetEntryAssembly()),
        Environment.GetEnvironmentVariable, !System.Console.IsOutputRedirected);
}
