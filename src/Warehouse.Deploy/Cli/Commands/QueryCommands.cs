using System.Text.Json;
using Spectre.Console;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>Read-only commands: analyze (analysis nodes), plan (the model vs what the target recorded and holds) and status (last runs).</summary>
public static class QueryCommands
{
    public static async Task<int> AnalyzeAsync(CommandContext context, string format, string? name, CancellationToken cancellationToken)
    {
        var analyses = context.Manifest.Analyses
            .Where(a => name is null || a.Id == name || a.Name == name).ToList();
        if (analyses.Count == 0)
            throw new WarehouseException(ExitCodes.BadInput, name is null ? "manifest: no analysis node" : $"manifest: no analysis named '{name}'");

        await using var engine = context.CreateEngine();
        var scripts = new WarehouseScripts(context.Manifest, context.Artifacts, engine.Dialect,
            new RunRequest("analyze", context.Manifest, context.Artifacts, context.LakeRoot, RunCommands.BatchAt(null), false, false).Variables);
        await engine.OpenAsync(cancellationToken);
        var results = new List<(ManifestNode Node, QueryResult Result)>();
        foreach (var analysis in analyses)
            results.Add((analysis, await StatementRunner.QueryAsync(engine, analysis.Id, scripts.Of(analysis), null, int.MaxValue, cancellationToken)));

        var output = context.Environment;
        switch (format)
        {
            case "json":
                var json = results.ToDictionary(r => r.Node.Id, r => r.Result.Rows.Select(row =>
                    r.Result.Columns.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList());
                output.Out.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                foreach (var (node, result) in results)
                {
                    if (results.Count > 1)
                        output.Out.WriteLine($"# {node.Id}");
                    output.Out.WriteLine(string.Join(',', result.Columns.Select(Csv)));
                    foreach (var row in result.Rows)
                        output.Out.WriteLine(string.Join(',', row.Select(Csv)));
                }

                break;
            default:
                foreach (var (node, result) in results)
                {
                    var table = new Table().Title(Markup.Escape(node.Description ?? node.Id)).AddColumns(result.Columns.Select(Markup.Escape).ToArray());
                    foreach (var row in result.Rows)
                        table.AddRow(row.Select(Markup.Escape).ToArray());
                    output.Console.Write(table);
                }

                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// What a deploy would change (<see cref="ChangePlan"/>): each changed node with its class, what the deploy does
    /// to it and from which data, and why; with --diff the SQL of each changed node against the script it was built with.
    /// </summary>
    public static async Task<int> PlanAsync(CommandContext context, string format, bool diff, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest;
        var selection = context.Selection;
        await using var engine = context.CreateEngine();
        var scripts = new WarehouseScripts(manifest, context.Artifacts, engine.Dialect,
            new RunRequest("plan", manifest, context.Artifacts, context.LakeRoot, RunCommands.BatchAt(null), false, false).Variables);
        await engine.OpenAsync(cancellationToken);
        var recorded = await NodeState.ReadAsync(engine, manifest.Bookkeeping, cancellationToken);
        var catalog = await engine.ReadCatalogAsync(RunPipeline.CatalogSchemas(manifest, recorded), cancellationToken);
        var plan = ChangePlan.Compute(manifest, scripts, recorded, catalog, selection, allowHistoryLoss: false);

        var changes = plan.Changes;
        if (format == "json")
        {
            var json = changes.Select(c => new Dictionary<string, object?>
            {
                ["node"] = c.Node, ["class"] = PlanText.Class(c), ["action"] = c.Action.ToString().ToLowerInvariant(), ["from"] = c.From,
                ["reasons"] = c.Reasons, ["refused"] = c.HistoryLoss is not null || c.NotSelected,
            });
            context.Environment.Out.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }

        var console = context.Environment.Console;
        if (selection is not null)
            console.MarkupLineInterpolated($"{selection.Summary}");
        if (changes.Count == 0)
        {
            console.MarkupLineInterpolated($"{engine.Target} is as the model says: no changes");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("node", "class", "deploy", "what changed");
        foreach (var change in changes)
        {
            string action = PlanText.Action(change) + (change.HistoryLoss is null ? "" : $" (refused without {FullRefresh.AllowHistoryLossOption})")
                + (change.NotSelected ? " (not selected: deploy refuses)" : "");
            table.AddRow(Markup.Escape(change.Node), change.Class == ChangeClass.Breaking ? "[red]breaking[/]" : Markup.Escape(PlanText.Class(change)),
                Markup.Escape(action), Markup.Escape(string.Join("; ", change.Reasons)));
        }

        console.Write(table);
        console.MarkupLineInterpolated(
            $"{changes.Count} change(s): {changes.Count(c => c.Class == ChangeClass.Breaking)} breaking, {changes.Count(c => c.Class == ChangeClass.NonBreaking)} non-breaking, {changes.Count(c => c.Class == ChangeClass.Metadata)} metadata only; {changes.Count(c => c.Action is NodeAction.Rebuild)} rebuilt");
        if (plan.HistoryRefusal() is { } refusal)
            console.MarkupLineInterpolated($"[yellow]{refusal}[/]");
        if (!diff)
            return ExitCodes.Ok;

        var nodes = manifest.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var change in changes.Where(c => nodes.ContainsKey(c.Node) && plan.Recorded.ContainsKey(c.Node)))
        {
            string? before = plan.Recorded[change.Node].Script;
            string after = scripts.SourceOf(nodes[change.Node]);
            if (before == after)
                continue;
            var output = context.Environment.Out;
            output.WriteLine($"--- {change.Node} (deployed)");
            output.WriteLine($"+++ {change.Node} (compiled)");
            output.Write(before is null ? $"  (the deployed script was not recorded: longer than {NodeState.MaxText} characters)\n" : ScriptDiff.Unified(before, after));
        }

        return ExitCodes.Ok;
    }

    public static async Task<int> StatusAsync(CommandContext context, int limit, CancellationToken cancellationToken)
    {
        await using var engine = context.CreateEngine();
        await engine.OpenAsync(cancellationToken);
        var console = context.Environment.Console;
        var runs = await RunHistory.ReadAsync(engine, context.Manifest.Bookkeeping, limit, cancellationToken);
        if (runs is null || runs.TotalRows == 0)
        {
            console.MarkupLineInterpolated($"no run recorded on {engine.Target}");
            return ExitCodes.Ok;
        }

        var table = new Table().Title($"last runs on {Markup.Escape(engine.Target)}").AddColumns(runs.Columns.Select(Markup.Escape).ToArray());
        foreach (var row in runs.Rows)
            table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        return ExitCodes.Ok;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
