using System.CommandLine;

namespace Warehouse.Deploy.Targets;

/// <summary>
/// A <c>--target</c> that is more than a database: <c>deploy</c> provisions it (infrastructure, lake, catalog) and then
/// runs the warehouse on the engine it brings (AWS: a CloudFormation stack, then Redshift). The other commands need a
/// database and take an engine (<see cref="Engines.EngineRegistry"/>). The command line depends on targets, never the
/// reverse: what a target needs of the run comes in as an <see cref="IDeployHost"/>.
/// </summary>
public interface IDeployTarget
{
    /// <summary>Its <c>--target</c> value.</summary>
    string Name { get; }

    /// <summary>What <c>--target</c>'s help says of it.</summary>
    string Summary { get; }

    /// <summary>The options of <c>deploy</c> that only this target reads; one instance per command line.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Deploys; returns the exit code.</summary>
    Task<int> DeployAsync(IDeployHost host, ParseResult parse, CancellationToken cancellationToken);
}
