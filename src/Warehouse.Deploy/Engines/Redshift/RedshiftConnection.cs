using Npgsql;

namespace Warehouse.Deploy.Engines.Redshift;

/// <summary>How the runner connects to a Redshift cluster: TLS always, and no pool (a deploy holds one session).</summary>
public static class RedshiftConnection
{
    /// <summary>Redshift's port when the cluster does not say.</summary>
    public const int DefaultPort = 5439;

    public static NpgsqlConnectionStringBuilder For(string host, int? port, string database, string username, string password) => new()
    {
        Host = host,
        Port = port ?? DefaultPort,
        Database = database,
        Username = username,
        Password = password,
        SslMode = SslMode.Require,
        Pooling = false,
    };
}
