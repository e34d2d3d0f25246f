using System.Diagnostics;

namespace Warehouse.Testing.Servers;

/// <summary>
/// A detached shell that runs a cleanup command once the test host process is gone. It covers what Dispose and
/// ProcessExit cannot: a test host killed outright (SIGKILL, a hang timeout), which would otherwise leave a server
/// running. setsid keeps it out of the test host's process group, so a Ctrl-C to the group does not take it down first.
/// </summary>
sealed class Watchdog : IDisposable
{
    readonly Process process;

    Watchdog(Process process) => this.process = process;

    public static Watchdog Start(string cleanupShellCommand)
    {
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {cleanupShellCommand}";
        return new Watchdog(Process.Start(ProcessRunner.StartInfo(["setsid", "sh", "-c", script]))
            ?? throw new InvalidOperationException("could not start the server watchdog"));
    }

    /// <summary>Called after a normal stop: the cleanup already happened, so the watchdog just goes.</summary>
    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
