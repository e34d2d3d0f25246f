using Xunit;
using Xunit.Sdk;

namespace Warehouse.Testing.Servers;

/// <summary>
/// A throwaway server shared by a test collection. When its binaries are missing the fixture still constructs, and
/// every test touching it is skipped with the reason, or failed when WAREHOUSE_REQUIRE_SERVERS=1 (as in CI) so a
/// green CI run never hides untested server code. Tests using a server must be <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    string? unavailableReason = "the server fixture was not initialised";

    /// <summary>Skips (or fails, see class remarks) the current test when the server is not running.</summary>
    public void Require()
    {
        if (unavailableReason is not null) throw Unavailable(unavailableReason, TestEnvironment.RequireServers);
    }

    internal static Exception Unavailable(string reason, bool requireServers) => requireServers
        ? new XunitException($"{reason} (WAREHOUSE_REQUIRE_SERVERS=1 makes this a failure, not a skip)")
        : new Xunit.SkipException(reason); // Xunit.SkippableFact's, which [SkippableFact] reports as skipped

    public async Task InitializeAsync()
    {
        unavailableReason = MissingBinaries();
        if (unavailableReason is not null) return;
        try
        {
            await StartAsync();
        }
        catch
        {
            Stop(); // remove what a half-started server left behind
            throw;
        }
        // Dispose is skipped when the test host is torn down abruptly; ProcessExit still runs on a normal exit.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (unavailableReason is null) Stop();
        return Task.CompletedTask;
    }

    /// <returns>Why the server cannot run here (binaries missing), or null.</returns>
    protected abstract string? MissingBinaries();

    protected abstract Task StartAsync();

    /// <summary>Stops the server and removes its files; must tolerate being called twice and after a failed start.</summary>
    protected abstract void Stop();

    void OnProcessExit(object? sender, EventArgs e) => Stop();
}
