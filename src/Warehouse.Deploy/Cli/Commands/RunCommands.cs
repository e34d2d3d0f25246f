using System.CommandLine;
using System.Globalization;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>deploy (lake + models + tests), run (models only) and test (tests only): one pipeline, three selections.</summary>
public static class RunCommands
{
    public static async Task<int> ExecuteAsync(CommandContext context, string command, bool runModels, bool runTests,
        DateTime batchAt, CancellationToken cancellationToken)
    {
        // A full refresh that needs --allow-history-loss is refused before the target is opened.
        _ = context.FullRefresh;
        await using var engine = context.CreateEngine();
        return await ExecuteWithEngineAsync(context, engine, command, runModels, runTests, batchAt, null, cancellationToken);
    }

    /// <summary>A deploy target's warehouse step (<see cref="CliDeployHost"/>): the models and tests on its engine, with its own variables.</summary>
    public static Task<int> ExecuteWithEngineAsync(CommandContext context, Engines.IWarehouseEngine engine, string command, DateTime batchAt,
        IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken) =>
        ExecuteWithEngineAsync(context, engine, command, runModels: true, runTests: true, batchAt, variables, cancellationToken);

    private static async Task<int> ExecuteWithEngineAsync(CommandContext context, Engines.IWarehouseEngine engine, string command, bool runModels,
        bool runTests, DateTime batchAt, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        var console = context.Environment.Console;
        var request = new RunRequest(command, context.Manifest, context.Artifacts, context.LakeRoot, batchAt, runModels, runTests, variables,
            context.Selection, context.FullRefresh, context.AllowHistoryLoss);
        RunResults results;
        try
        {
            results = await new RunPipeline(engine, new SpectreReporter(console)).RunAsync(request, cancellationToken);
        }
        catch (RunFailedException e)
        {
            ResultsFile.Write(context.OutputDirectory, e.Results);
            RunSummary.Render(console, e.Results);
            throw new WarehouseException(e.ExitCode, e.Message, e);
        }

        ResultsFile.Write(context.OutputDirectory, results);
        RunSummary.Render(console, results);
        if (results.ExitCode != ExitCodes.Ok)
            context.Environment.Error.WriteLine($"error: {results.Message}");
        return results.ExitCode;
    }

    /// <summary>
    /// Before deploying: stage --data, or generate batch 1 when no source has a file in the lake yet. A bad --select
    /// or --exclude, and a --full-refresh of a type-2 dimension without consent, are refused first, so a deploy that
    /// cannot start leaves the lake as it was.
    /// </summary>
    public static void PrepareLake(CommandContext context, string? dataFolder, int seed, double scale, double badRows = 0)
    {
        context.CheckRunOptions();
        if (dataFolder is not null)
            LakeCommands.Stage(context, dataFolder);
        else if (LakeLayout.IsEmpty(context.LakeRoot, context.Manifest.Sources))
            LakeCommands.Generate(context, seed, scale, batch: 1, badRows);
    }

    public static Option<string?> AsOfOption() => new("--as-of")
    {
        Description = "The load timestamp of this run (batch_at), UTC, e.g. 2024-06-30 or \"2024-06-30 12:00:00\" (default: now)",
    };

    public static DateTime BatchAt(string? asOf)
    {
        if (asOf is null)
            return TruncateToSeconds(DateTime.UtcNow);
        if (DateTime.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return TruncateToSeconds(parsed);
        throw new WarehouseException(ExitCodes.BadInput, $"--as-of '{asOf}' is not a date or timestamp (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\")");
    }

    private static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
