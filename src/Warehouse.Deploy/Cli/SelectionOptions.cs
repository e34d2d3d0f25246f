using System.CommandLine;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Cli;

/// <summary>--select and --exclude, shared by deploy, run, test and plan (dbt's spelling: <c>-s +gold.orders tag:daily</c>).</summary>
public sealed class SelectionOptions
{
    public Option<string[]> Select { get; } = new("--select", "-s")
    {
        Description = "Run only these nodes and the tests of the selected models: m, +m, m+, 2+m, m+2, @m, layer:NAME, tag:NAME; " +
            "spaces separate selectors (union), commas join criteria (intersection)",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Leave out these nodes (same syntax as --select) and the tests of the excluded models",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Select);
        command.Options.Add(Exclude);
    }

    /// <summary>The selection the command line asks for, or null when it gives neither option (every node).</summary>
    public NodeSelection? Read(ParseResult parse, WarehouseManifest manifest)
    {
        var select = parse.GetValue(Select) is { Length: > 0 } s ? SelectorParser.Parse("--select", s) : null;
        var exclude = parse.GetValue(Exclude) is { Length: > 0 } e ? SelectorParser.Parse("--exclude", e) : null;
        return select is null && exclude is null ? null : new NodeSelector(manifest.Nodes).Select(select, exclude);
    }
}
