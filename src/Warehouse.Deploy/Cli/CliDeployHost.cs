using Spectre.Console;
using Warehouse.Deploy.Cli.Commands;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Targets;

namespace Warehouse.Deploy.Cli;

/// <summary>
/// The command line's side of a deploy target (<see cref="IDeployHost"/>): the target calls back into the same lake
/// preparation and run as a local deploy, so the two cannot drift, without knowing the command line's types.
/// </summary>
internal sealed class CliDeployHost(CommandContext context, DateTime batchAt, Action prepareLake) : IDeployHost
{
    public WarehouseManifest Manifest => context.Manifest;

    public IArtifactSource Artifacts => context.Artifacts;

    public string LakeRoot => context.LakeRoot;

    public IAnsiConsole Console => context.Environment.Console;

    public bool Interactive => context.Environment.Interactive;

    public string? Variable(string name) => context.Environment.Variable(name);

    public void PrepareLake() => prepareLake();

    public Task<int> RunWarehouseAsync(IWarehouseEngine engine, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken) =>
        RunCommands.ExecuteWithEngineAsync(context, engine, "deploy", batchAt, variables, cancellationToken);
}
