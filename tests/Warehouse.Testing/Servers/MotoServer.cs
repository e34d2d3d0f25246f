using System.Collections.Concurrent;
using System.Diagnostics;

namespace Warehouse.Testing.Servers;

/// <summary>
/// moto_server (the AWS emulator) on 127.0.0.1 and a free port, one per test assembly through an xunit collection
/// named <see cref="Collection"/> (declared in the test project, as for <see cref="PostgresServer"/>). Clients use
/// <see cref="EndpointUrl"/> with any credentials, e.g. <see cref="AccessKey"/>/<see cref="SecretKey"/>, and path-style S3 addressing.
/// </summary>
public sealed class MotoServer : ServerFixture
{
    public const string Collection = "moto server";
    public const string MissingBinariesReason = "moto_server not found on PATH; install moto[server] (pip install 'moto[server]')";
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    readonly ConcurrentQueue<string> output = new();
    string executable = "", endpointUrl = "";
    Process? server;
    Watchdog? watchdog;
    int stopped;

    /// <summary>e.g. http://127.0.0.1:54321; skips/fails the test when there is no server.</summary>
    public string EndpointUrl
    {
        get
        {
            Require();
            return endpointUrl;
        }
    }

    protected override string? MissingBinaries()
    {
        executable = Executables.Find("moto_server") ?? "";
        return executable.Length == 0 ? MissingBinariesReason : null;
    }

    protected override async Task StartAsync()
    {
        var port = FreePort.Next();
        endpointUrl = $"http://127.0.0.1:{port}";
        server = Process.Start(ProcessRunner.StartInfo([executable, "-H", "127.0.0.1", "-p", port.ToString()]))
            ?? throw new InvalidOperationException("could not start moto_server");
        // Drain its output (a full pipe would block it) and keep it for the error message.
        server.OutputDataReceived += (_, e) => Keep(e.Data);
        server.ErrorDataReceived += (_, e) => Keep(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        watchdog = Watchdog.Start($"kill {server.Id}");
        await WaitUntilAnsweringAsync();
    }

    protected override void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1 || server is null) return;
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.WaitForExit();
        server.Dispose();
        watchdog?.Dispose();
    }

    async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !server!.HasExited)
        {
            try
            {
                // Any HTTP answer will do: moto is up.
                using var response = await http.GetAsync(endpointUrl + "/moto-api/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                // The 2 s request timeout: still starting.
            }
        }
        throw new InvalidOperationException(
            $"moto_server did not answer on {endpointUrl} within {StartTimeout}:\n{string.Join('\n', output)}");
    }

    void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 50) output.TryDequeue(out _);
    }
}
