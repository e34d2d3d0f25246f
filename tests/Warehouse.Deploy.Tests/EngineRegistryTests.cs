using System.Text.RegularExpressions;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Targets;
using Warehouse.Generators.Dialects;

namespace Warehouse.Deploy.Tests;

/// <summary>The engines come from one registry, agree with the compiler's dialects, and are what the command line offers.</summary>
public sealed class EngineRegistryTests
{
    [Fact]
    public void The_registry_lists_every_engine_once_on_a_dialect_the_compiler_emits()
    {
        Assert.Equal(["duckdb", "postgres", "redshift"], EngineRegistry.All.Select(e => e.Name));
        Assert.All(EngineRegistry.All, e => Assert.Contains(e.Dialect, SqlDialect.All.Select(d => d.Name)));
        Assert.Contains(EngineRegistry.Default, EngineRegistry.CommandLine);
    }

    [Fact]
    public void An_engine_bulk_loads_bronze_exactly_when_its_dialect_leaves_bronze_to_the_runner()
    {
        foreach (var engine in EngineRegistry.All)
        {
            var dialect = SqlDialect.All.Single(d => d.Name == engine.Dialect);
            Assert.True(engine.Capabilities.BulkLoadsBronze == (dialect.Bronze == BronzeAccess.LoadedByRunner),
                $"{engine.Name}: BulkLoadsBronze is {engine.Capabilities.BulkLoadsBronze}, its dialect's bronze is {dialect.Bronze}");
        }
    }

    [Fact]
    public async Task Help_offers_the_command_line_engines_and_the_deploy_targets_as_targets()
    {
        using var warehouse = new TestWarehouse();

        var (exitCode, help, _) = await warehouse.RunAsync("deploy", "--help");

        Assert.Equal(0, exitCode);
        string output = Regex.Replace(help, @"\s+", " "); // help wraps long descriptions
        foreach (var engine in EngineRegistry.CommandLine)
            Assert.Contains($"{engine.Name} ({engine.Summary})", output, StringComparison.Ordinal);
        foreach (var target in DeployTargets.Create())
        {
            Assert.Contains($"{target.Name} ({target.Summary})", output, StringComparison.Ordinal);
            Assert.All(target.Options, option => Assert.Contains(option.Name, output, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_engine_that_only_a_deploy_target_opens_is_not_a_target()
    {
        using var warehouse = new TestWarehouse();

        var (exitCode, _, error) = await warehouse.RunAsync("status", "--target", "redshift");

        Assert.Equal(1, exitCode);
        Assert.Equal("error: unknown target redshift; known: duckdb, postgres, aws (see --help)", error.Trim());
    }
}
