using System.Diagnostics;

namespace Warehouse.Testing.Servers;

/// <summary>
/// Removes clusters left by a test host that died before its fixture and watchdog could clean up (e.g. the machine
/// was reset). Only directories whose owner process is gone are touched: other test assemblies run in parallel.
/// </summary>
static class StaleClusters
{
    public static void Remove(PostgresServer server)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), PostgresServer.DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, PostgresServer.OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsRunning(pid)) continue;
            server.StopCluster(Path.Combine(directory, "data"));
            Directory.Delete(directory, recursive: true);
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
