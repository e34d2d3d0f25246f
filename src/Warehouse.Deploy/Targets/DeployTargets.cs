using Warehouse.Deploy.Targets.Aws;

namespace Warehouse.Deploy.Targets;

/// <summary>
/// Every deploy target, as <see cref="Engines.EngineRegistry"/> lists the engines: the command line adds their names
/// to <c>--target</c> and their options to <c>deploy</c>. A target is a folder under <c>Targets/</c> plus one line here.
/// </summary>
public static class DeployTargets
{
    /// <summary>Fresh instances for one command line (each owns the option objects it adds to that parser).</summary>
    public static IReadOnlyList<IDeployTarget> Create() => [new AwsTarget()];
}
