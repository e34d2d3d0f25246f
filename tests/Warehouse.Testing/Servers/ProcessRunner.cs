using System.Diagnostics;

namespace Warehouse.Testing.Servers;

/// <summary>Runs short helper commands (initdb, pg_ctl, chown) and turns a non-zero exit into an exception carrying their output.</summary>
static class ProcessRunner
{
    /// <summary>Synchronous on purpose: it also runs from Dispose and ProcessExit, where awaiting is not an option.</summary>
    public static void Run(IReadOnlyList<string> command, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(command))
            ?? throw new InvalidOperationException($"could not start {command[0]}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', command)}` did not finish within {timeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{string.Join(' ', command)}` exited with {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
    }

    /// <summary>Quotes a command for sh, for the watchdog's cleanup script.</summary>
    public static string ShellQuote(IEnumerable<string> command) =>
        string.Join(' ', command.Select(argument => "'" + argument.Replace("'", "'\\''") + "'"));

    /// <summary>All streams are redirected: a child that inherits the test host's stdout can keep `dotnet test` waiting.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        return info;
    }
}
