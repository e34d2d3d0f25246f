using System.CommandLine;
using System.Reflection;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Cli;

/// <summary>A parsed command line resolved against the environment: where artifacts, lake, database and results live.</summary>
public sealed class CommandContext(ParseResult parse, GlobalOptions options, CliEnvironment environment, Assembly? model,
    WarehouseExtensions extensions) : IEngineSettings
{
    private WarehouseManifest? _manifest;
    private IArtifactSource? _artifacts;
    private NodeSelection? _selection;
    private Execution.FullRefresh? _fullRefresh;

    public CliEnvironment Environment => environment;

    public ParseResult Parse => parse;

    /// <summary>What the model project added to the runner (its data generator).</summary>
    public WarehouseExtensions Extensions => extensions;

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

    /// <summary>A file database's default: warehouse/&lt;project&gt;&lt;extension&gt;, or with --data warehouse/&lt;project&gt;-&lt;data set&gt;&lt;extension&gt;.</summary>
    public string DefaultDatabaseFile(string extension) => Path.Combine(OutputDirectory, DataFolder is null
        ? $"{Manifest.Project.ToLowerInvariant()}{extension}"
        : $"{Manifest.Project.ToLowerInvariant()}-{Lake.DataStager.DataSetName(DataFolder)}{extension}");

    public WarehouseManifest Manifest => _manifest ??= ManifestLoader.Load(Artifacts);

    /// <summary>The commands' --select/--exclude (deploy, run, test, plan); null for commands without them.</summary>
    public SelectionOptions? SelectionOptions { get; init; }

    /// <summary>The nodes --select/--exclude keep, evaluated on first use; null when neither is given (every node).</summary>
    public NodeSelection? Selection => _selection ??= SelectionOptions?.Read(parse, Manifest);

    /// <summary>deploy's and run's --full-refresh options; null for commands without them.</summary>
    public FullRefreshOptions? FullRefreshOptions { get; init; }

    /// <summary>What --full-refresh rebuilds, checked on first use (a type-2 dimension needs --allow-history-loss); null without it.</summary>
    public Execution.FullRefresh? FullRefresh => _fullRefresh ??= FullRefreshOptions?.Read(parse, Manifest, Selection);

    /// <summary>Whether --allow-history-loss lets the run rebuild or drop type-2 dimensions (a full refresh's or the plan's).</summary>
    public bool AllowHistoryLoss => FullRefreshOptions is { } options && parse.GetValue(options.AllowHistoryLoss);

    /// <summary>
    /// Reads --select/--exclude and --full-refresh now rather than when the run first needs them, so a mistake in
    /// them is refused before the lake is staged or generated.
    /// </summary>
    public void CheckRunOptions()
    {
        _ = Selection;
        _ = FullRefresh;
    }

    public string Target => parse.GetValue(options.Target) ?? EngineRegistry.Default.Name;

    /// <summary>The engine --target names, opened with this command line's settings (the parser has refused any other name).</summary>
    public IWarehouseEngine CreateEngine() => EngineRegistry.FindCommandLine(Target)?.Open?.Invoke(this)
        ?? throw new WarehouseException(ExitCodes.BadInput,
            $"--target {Target} is for deploy only (the other commands need a database: --target {string.Join(" or ", EngineRegistry.CommandLine.Select(e => e.Name))})");

    string? IEngineSettings.Connection => parse.GetValue(options.Connection);

    string? IEngineSettings.DatabaseFile => parse.GetValue(options.Database);

    int IEngineSettings.PublishedTables => Manifest.Nodes.Count(n => n.IsPublished);

    string? IEngineSettings.Variable(string name) => environment.Variable(name);
}
