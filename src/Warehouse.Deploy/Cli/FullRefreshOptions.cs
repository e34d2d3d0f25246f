using System.CommandLine;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Cli;

/// <summary>--full-refresh and --allow-history-loss, shared by deploy and run.</summary>
public sealed class FullRefreshOptions
{
    public Option<bool> FullRefresh { get; } = new("--full-refresh")
    {
        Description = "Rebuild the incremental silver and gold models (all, or those --select keeps) from the retained bronze; " +
            "gold is published in one transaction as in any run",
    };

    public Option<bool> AllowHistoryLoss { get; } = new(Execution.FullRefresh.AllowHistoryLossOption)
    {
        Description = "Let the deploy rebuild or drop type-2 dimensions (a --full-refresh, or a planned change such as a new business key " +
            "or a removed history column), dropping their closed versions (they exist only in the warehouse)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(FullRefresh);
        command.Options.Add(AllowHistoryLoss);
    }

    /// <summary>The refresh the command line asks for, checked (type-2 dimensions need consent); null without --full-refresh.</summary>
    public FullRefresh? Read(ParseResult parse, WarehouseManifest manifest, NodeSelection? selection) =>
        parse.GetValue(FullRefresh) ? Execution.FullRefresh.Plan(manifest, selection, parse.GetValue(AllowHistoryLoss)) : null;
}
