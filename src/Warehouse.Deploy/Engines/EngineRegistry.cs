using Warehouse.Deploy.Engines.DuckDb;
using Warehouse.Deploy.Engines.Postgres;
using Warehouse.Deploy.Engines.Redshift;

namespace Warehouse.Deploy.Engines;

/// <summary>One engine as the registry knows it before anything is opened.</summary>
/// <param name="Name">Its name in messages and, when the command line opens it, its <c>--target</c> value.</param>
/// <param name="Dialect">The manifest dialect whose SQL it runs (a folder of the warehouse: duckdb/, postgres/, …).</param>
/// <param name="Summary">What <c>--target</c>'s help says of it.</param>
/// <param name="Open">How the command line opens it; null for an engine a deploy target opens itself (Redshift, from the AWS stack's outputs).</param>
public sealed record EngineDefinition(
    string Name, string Dialect, string Summary, EngineCapabilities Capabilities, Func<IEngineSettings, IWarehouseEngine>? Open);

/// <summary>
/// Every engine the runner has, modelled on SQLMesh's engine adapter registry (<c>engine_adapter/__init__.py</c>:
/// one map from name to adapter). The command line takes its <c>--target</c> values, help text and errors from
/// here; an engine is a folder under <c>Engines/</c> (connection options, bulk loader, capabilities) plus one line below.
/// </summary>
public static class EngineRegistry
{
    public static IReadOnlyList<EngineDefinition> All { get; } = [DuckDbEngine.Definition, PostgresEngine.Definition, RedshiftEngine.Definition];

    /// <summary>The engine of a command without --target.</summary>
    public static EngineDefinition Default => DuckDbEngine.Definition;

    /// <summary>The engines <c>--target</c> opens directly.</summary>
    public static IReadOnlyList<EngineDefinition> CommandLine { get; } = All.Where(e => e.Open is not null).ToList();

    /// <summary>The engine <c>--target</c> names, or null.</summary>
    public static EngineDefinition? FindCommandLine(string target) =>
        CommandLine.FirstOrDefault(e => string.Equals(e.Name, target, StringComparison.Ordinal));
}
