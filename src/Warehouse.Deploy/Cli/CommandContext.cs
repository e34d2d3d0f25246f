using System.CommandLine;
using System.Reflection;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Cli;

/// <summary>A parsed command line resolved against the environment: where artifacts, lake, database and results live.</summary>
public sealed class CommandContext(ParseResult parse, GlobalOptions options, CliEnvironment environment, Assembly? model)
{
    private WarehouseManifest? _manifest;
    private IArtifactSource? _artifacts;

    public CliEnvironment Environment => environment;

    public ParseResult Parse => parse;

    /// <summary>--artifacts DIR, else the compiled model rendered in memory, else the project's warehouse/ folder; made on first use.</summary>
    public IArtifactSource Artifacts => _artifacts ??= parse.GetValue(options.Artifacts) is { } folder
        ? new FolderArtifactSource(folder)
        : model is not null
            ? CompiledModelArtifacts.Render(model)
            : new FolderArtifactSource(Path.Combine(environment.ProjectDirectory, "warehouse"));

    /// <summary>Where outputs go: the --artifacts folder when given (it is a warehouse/ folder), else the project's warehouse/.</summary>
    public string OutputDirectory => Path.GetFullPath(parse.GetValue(options.Artifacts)
        ?? Path.Combine(environment.ProjectDirectory, "warehouse"));

    /// <summary>deploy --data: the folder of a data set, deployed from a lake (and by default a DuckDB file) of its own.</summary>
    public string? DataFolder { get; init; }

    public string LakeRoot => Path.GetFullPath(parse.GetValue(options.Lake)
        ?? (DataFolder is null ? Path.Combine(OutputDirectory, "lake") : Lake.DataStager.DefaultLakeFor(OutputDirectory, DataFolder)));

    private string DefaultDuckDbFile => DataFolder is null
        ? $"{Manifest.Project.ToLowerInvariant()}.duckdb"
        : $"{Manifest.Project.ToLowerInvariant()}-{Lake.DataStager.DataSetName(DataFolder)}.duckdb";

    public WarehouseManifest Manifest => _manifest ??= ManifestLoader.Load(Artifacts);

    public string Target => parse.GetValue(options.Target) ?? "duckdb";

    public IWarehouseEngine CreateEngine() => Target switch
    {
        "aws" => throw new WarehouseException(ExitCodes.BadInput, "--target aws is for deploy only (the other commands need a database: --target duckdb or postgres)"),
        "postgres" => new PostgresEngine(PostgresConnection.Parse(
            parse.GetValue(options.Connection) ?? environment.Variable(PostgresConnection.EnvironmentVariable))),
        _ => new DuckDbEngine(parse.GetValue(options.Database)
            ?? Path.Combine(OutputDirectory, DefaultDuckDbFile),
            environment.Variable(DuckDbEngine.MemoryLimitVariable) is { Length: > 0 } limit
                ? limit
                : DuckDbEngine.DefaultMemoryLimitFor(Manifest.Nodes.Count(n => n.IsPublished))),
    };
}
