using Npgsql;
using Warehouse.Deploy.Engines.Postgres;
using Warehouse.Generators.Dialects;

namespace Warehouse.Deploy.Engines.Redshift;

/// <summary>
/// Amazon Redshift: the PostgreSQL engine (same wire protocol, Npgsql) running the redshift/ SQL, with Redshift's
/// capabilities. Bronze is an external schema over the Glue catalog (the bronze scripts create it), so the runner
/// loads nothing; Redshift has no advisory locks, so deploys take none. The AWS target opens it from the stack's
/// outputs (<see cref="RedshiftConnection"/>); the command line does not open it directly.
/// </summary>
public sealed class RedshiftEngine(NpgsqlConnectionStringBuilder connection) : PostgresEngine(connection, RedshiftEngine.Definition)
{
    public static new EngineDefinition Definition { get; } = new(
        "redshift", SqlDialect.Redshift.Name, "an Amazon Redshift cluster, deployed through --target aws, which reads its address from the stack",
        new EngineCapabilities(BulkLoadsBronze: false, LocksDeploys: false),
        Open: null);
}
