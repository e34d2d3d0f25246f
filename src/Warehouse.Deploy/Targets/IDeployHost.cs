using Spectre.Console;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Targets;

/// <summary>
/// What a deploy target gets from the command that runs it: the warehouse to deploy, the console, the environment, and
/// the two steps every deploy shares with a local one (filling the lake, running the models and tests on an engine).
/// The command line implements it; a target never sees the command line's types.
/// </summary>
public interface IDeployHost
{
    WarehouseManifest Manifest { get; }

    IArtifactSource Artifacts { get; }

    /// <summary>The local lake folder: what <see cref="PrepareLake"/> fills and the target uploads.</summary>
    string LakeRoot { get; }

    IAnsiConsole Console { get; }

    /// <summary>Whether a person can answer a question (a confirmation) on <see cref="Console"/>.</summary>
    bool Interactive { get; }

    /// <summary>An environment variable, or null.</summary>
    string? Variable(string name);

    /// <summary>Fills the local lake as a local deploy does (--data staged, or the first batch generated into an empty lake).</summary>
    void PrepareLake();

    /// <summary>
    /// Runs the models and tests on <paramref name="engine"/> as a local deploy does (progress, summary,
    /// run_results.json), with the target's own SQL <paramref name="variables"/>; returns the exit code.
    /// </summary>
    Task<int> RunWarehouseAsync(IWarehouseEngine engine, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken);
}
