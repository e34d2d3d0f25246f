using System.Text.Json;
using Spectre.Console;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>Read-only commands: analyze (analysis nodes), plan (manifest vs catalog) and status (last runs).</summary>
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

    public static async Task<int> PlanAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest;
        var selection = context.Selection;
        await using var engine = context.CreateEngine();
        await engine.OpenAsync(cancellationToken);
        var schemas = manifest.Nodes.Where(n => n.HasRelation).Select(n => n.Schema).Distinct(StringComparer.Ordinal).ToList();
        var changes = PlanComparer.Compare(manifest, await engine.ReadCatalogAsync(schemas, cancellationToken), selection);

        var console = context.Environment.Console;
        if (selection is not null)
            console.MarkupLineInterpolated($"{selection.Summary}");
        if (changes.Count == 0)
        {
            console.MarkupLineInterpolated($"{engine.Target} matches the manifest: nothing to change");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("change", "table", "column", "detail", "breaking");
        foreach (var change in changes)
        {
            table.AddRow(Markup.Escape(change.Change), Markup.Escape(change.Table), Markup.Escape(change.Column ?? ""),
                Markup.Escape(change.Detail), change.Breaking ? "[red]BREAKING[/]" : "");
        }

        console.Write(table);
        int breaking = changes.Count(c => c.Breaking);
        console.MarkupLineInterpolated($"{changes.Count} change(s), {breaking} breaking");
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
