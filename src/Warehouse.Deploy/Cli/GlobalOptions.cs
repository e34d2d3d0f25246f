using System.CommandLine;

namespace Warehouse.Deploy.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public sealed class GlobalOptions
{
    public Option<string?> Artifacts { get; } = new("--artifacts")
    {
        Description = "Folder with manifest.json and the SQL (default: the compiled model, rendered in memory)",
        Recursive = true,
    };

    public Option<string> Target { get; } = new("--target")
    {
        Description = "Where to deploy: duckdb, postgres, or aws (deploy only: CloudFormation stack, S3 lake, Glue catalog, Redshift)",
        DefaultValueFactory = _ => "duckdb",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "PostgreSQL connection string (default: the WAREHOUSE_POSTGRES environment variable); never printed",
        Recursive = true,
    };

    public Option<string?> Database { get; } = new("--database")
    {
        Description = "DuckDB database file (default: warehouse/<project>.duckdb)",
        Recursive = true,
    };

    public Option<string?> Lake { get; } = new("--lake")
    {
        Description = "Lake folder holding each source's files under its prefix, e.g. landing/<source>/<file>.csv (default: warehouse/lake)",
        Recursive = true,
    };

    public GlobalOptions() => Target.AcceptOnlyFromAmong("duckdb", "postgres", "aws");

    public void AddTo(Command root)
    {
        root.Options.Add(Artifacts);
        root.Options.Add(Target);
        root.Options.Add(Connection);
        root.Options.Add(Database);
        root.Options.Add(Lake);
    }
}
