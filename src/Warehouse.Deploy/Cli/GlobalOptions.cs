using System.CommandLine;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Targets;

namespace Warehouse.Deploy.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public sealed class GlobalOptions
{
    /// <summary>The deploy targets of this command line; with the engines <see cref="EngineRegistry"/> opens, they are the <c>--target</c> values.</summary>
    public IReadOnlyList<IDeployTarget> DeployTargets { get; } = Targets.DeployTargets.Create();

    public Option<string?> Artifacts { get; } = new("--artifacts")
    {
        Description = "Folder with manifest.json and the SQL (default: the compiled model, rendered in memory)",
        Recursive = true,
    };

    public Option<string> Target { get; } = new("--target")
    {
        DefaultValueFactory = _ => EngineRegistry.Default.Name,
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

    public GlobalOptions()
    {
        var targets = EngineRegistry.CommandLine.Select(e => (e.Name, e.Summary)).Concat(DeployTargets.Select(t => (t.Name, t.Summary))).ToList();
        var names = targets.Select(t => t.Name).ToArray();
        Target.Description = "Where to run: " + string.Join("; ", targets.Select(t => $"{t.Name} ({t.Summary})"));
        Target.CompletionSources.Add(names);
        Target.Validators.Add(result =>
        {
            string? name = result.GetValueOrDefault<string>();
            if (name is not null && !names.Contains(name, StringComparer.Ordinal))
                result.AddError($"unknown target {name}; known: {string.Join(", ", names)}");
        });
    }

    /// <summary>The deploy target --target names, or null when it names an engine.</summary>
    public IDeployTarget? DeployTargetNamed(string target) => DeployTargets.FirstOrDefault(t => string.Equals(t.Name, target, StringComparison.Ordinal));

    public void AddTo(Command root)
    {
        root.Options.Add(Artifacts);
        root.Options.Add(Target);
        root.Options.Add(Connection);
        root.Options.Add(Database);
        root.Options.Add(Lake);
    }
}
