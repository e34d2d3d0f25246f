using Warehouse.Deploy.Cli;

namespace Warehouse.Deploy.Tests;

/// <summary>The --full-refresh options on a model that is not Banking (the scenarios themselves are in <see cref="BankingScenarios"/>).</summary>
public sealed class FullRefreshCliTests
{
    [Fact]
    public async Task Allow_history_loss_alone_is_refused_before_the_target_is_opened()
    {
        using var warehouse = new RawFilesWarehouse();

        var run = await warehouse.RunAsync(WarehouseExtensions.None, "run", "--allow-history-loss", "--database", warehouse.DuckDbPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --allow-history-loss only goes with --full-refresh", run.Error.TrimEnd());
        Assert.False(File.Exists(warehouse.DuckDbPath));
    }
}
