using Npgsql;

namespace Warehouse.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 and a free port, in a temp directory removed on dispose. One per test
/// test assembly through an xunit collection named <see cref="Collection"/>; each test takes a fresh database from
/// <see cref="CreateDatabaseAsync"/>.
/// initdb and pg_ctl refuse to run as root, so as root they run as the unprivileged <c>postgres</c> OS user via runuser.
/// </summary>
public sealed class PostgresServer : ServerFixture
{
    /// <summary>
    /// The collection name. xunit only finds collection definitions in the test assembly itself, so each test project
    /// declares <c>[CollectionDefinition(PostgresServer.Collection)] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServer&gt;;</c>
    /// and its test classes take the fixture with <c>[Collection(PostgresServer.Collection)]</c>.
    /// </summary>
    public const string Collection = "PostgreSQL server";

    public const string MissingBinariesReason =
        "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH; install postgresql-15";

    /// <summary>Temp directories start with this; the owner file names the test host that made them (for stale cleanup).</summary>
    internal const string DirectoryPrefix = "warehouse-pg-";
    internal const string OwnerFile = "owner.pid";

    const string ServerUser = "postgres";

    /// <summary>
    /// The superuser's password. TCP connections authenticate with scram-sha-256 (as a real server would), so tests
    /// can check what a wrong password does; the Unix socket stays trust for pg_ctl.
    /// </summary>
    public const string Password = "warehouse-test-password";
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    string initdb = "", pgCtl = "", workDirectory = "", connectionString = "";
    string[] asServerUser = [];
    Watchdog? watchdog;
    int stopped;

    /// <summary>Superuser connection to the <c>postgres</c> database; skips/fails the test when there is no server.</summary>
    public string ConnectionString
    {
        get
        {
            Require();
            return connectionString;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns a superuser connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
    }

    protected override string? MissingBinaries()
    {
        // Debian's packages keep the server binaries off PATH, under /usr/lib/postgresql/<major>/bin.
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).ToArray()
            : [];
        initdb = Executables.Find("initdb", debian) ?? "";
        pgCtl = initdb.Length == 0 ? "" : Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        if (!File.Exists(pgCtl)) return MissingBinariesReason;
        if (!Environment.IsPrivilegedProcess) return null;
        // runuser usually lives in /usr/sbin, which a non-login root shell may not have on PATH.
        var runuser = Executables.Find("runuser", "/usr/sbin", "/sbin");
        asServerUser = runuser is null ? [] : [runuser, "-u", ServerUser, "--"];
        return runuser is null ? "runuser (util-linux) not found; as root it is needed to run PostgreSQL as the postgres user" : null;
    }

    protected override Task StartAsync()
    {
        StaleClusters.Remove(this);
        workDirectory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(workDirectory, OwnerFile), Environment.ProcessId.ToString());
        if (Environment.IsPrivilegedProcess) ProcessRunner.Run(["chown", ServerUser, workDirectory], CommandTimeout);

        var data = Path.Combine(workDirectory, "data");
        var passwordFile = Path.Combine(workDirectory, "password");
        File.WriteAllText(passwordFile, Password + "\n");
        if (Environment.IsPrivilegedProcess) ProcessRunner.Run(["chown", ServerUser, passwordFile], CommandTimeout);
        ProcessRunner.Run(AsServerUser([initdb, "-D", data, "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", passwordFile,
            "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]), CommandTimeout);
        watchdog = Watchdog.Start($"{ProcessRunner.ShellQuote(StopCommand(data))}; rm -rf {ProcessRunner.ShellQuote([workDirectory])}");

        // The free port can be taken between asking and binding; a couple of retries make that race harmless.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            try
            {
                ProcessRunner.Run(AsServerUser([pgCtl, "-D", data, "-l", LogFile, "-w", "-t", "60", "-o", ServerOptions(port), "start"]), CommandTimeout);
                connectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1", Port = port, Username = "postgres", Password = Password, Database = "postgres",
                }.ConnectionString;
                return Task.CompletedTask;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken meanwhile: try another. The last attempt's error carries the log.
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}\n--- {LogFile}\n{File.ReadAllText(LogFile)}", e);
            }
        }
    }

    protected override void Stop()
    {
        if (workDirectory.Length == 0 || Interlocked.Exchange(ref stopped, 1) == 1) return;
        StopCluster(Path.Combine(workDirectory, "data"));
        Directory.Delete(workDirectory, recursive: true);
        watchdog?.Dispose();
    }

    /// <summary>Stops a cluster if it runs; a cluster that never started or is already gone is fine.</summary>
    internal void StopCluster(string data)
    {
        try
        {
            ProcessRunner.Run(StopCommand(data), CommandTimeout);
        }
        catch (InvalidOperationException)
        {
            // pg_ctl reports "no server running"; nothing to stop.
        }
    }

    string LogFile => Path.Combine(workDirectory, "postgres.log");

    // Durability is pointless for a throwaway cluster; turning it off makes DDL-heavy tests much faster.
    string ServerOptions(int port) =>
        $"-c listen_addresses=127.0.0.1 -p {port} -k {workDirectory} -c max_connections=300 "
        + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    string[] StopCommand(string data) => AsServerUser([pgCtl, "-D", data, "-m", "immediate", "-w", "stop"]);

    string[] AsServerUser(string[] command) => [.. asServerUser, .. command];
}
