using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// A private throw-away PostgreSQL cluster for this test project (to be replaced by the shared fixture in
/// tests/Warehouse.Testing). Skips when the server binaries are missing, unless WAREHOUSE_REQUIRE_SERVERS=1.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;

    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        if (FindOnPath("initdb") is null || FindOnPath("pg_ctl") is null)
        {
            SkipReason = "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH";
            if (Environment.GetEnvironmentVariable("WAREHOUSE_REQUIRE_SERVERS") == "1")
                throw new InvalidOperationException(SkipReason + " and WAREHOUSE_REQUIRE_SERVERS=1");
            return;
        }

        _dataDirectory = Directory.CreateTempSubdirectory("warehouse-pg-").FullName;
        Port = FreePort();
        bool root = Environment.UserName == "root";
        if (root)
            await RunAsync("chown", "postgres", _dataDirectory);
        await RunAsServerUserAsync(root, "initdb", "-D", _dataDirectory, "-A", "trust", "-U", "postgres", "--no-sync");
        await RunAsServerUserAsync(root, "pg_ctl", "-D", _dataDirectory, "-w", "-l", Path.Combine(_dataDirectory, "log"), "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dataDirectory} -c fsync=off", "start");
    }

    /// <summary>A new empty database per test, so tests never see each other's tables.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null)
            return;
        await RunAsServerUserAsync(Environment.UserName == "root", "pg_ctl", "-D", _dataDirectory, "-m", "immediate", "stop");
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static Task RunAsServerUserAsync(bool root, string program, params string[] args) =>
        root ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
