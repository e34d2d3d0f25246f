using System.Globalization;
using Spectre.Console;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>Fills the lake: the model's generated data with a progress bar per file, or a staged folder of the user's files.</summary>
public static class LakeCommands
{
    /// <summary>What a model without a data generator does instead of generating.</summary>
    public const string WithoutGenerator =
        "deploy your own files with 'deploy --data DIR' (one folder, each file matching one source's file_pattern), " +
        "or register a generator: WarehouseCli.RunAsync(args, WarehouseModel.Assembly, new WarehouseExtensions { LakeGenerator = ... })";

    public static void Generate(CommandContext context, int seed, double scale, int batch)
    {
        var generator = context.Extensions.LakeGenerator
            ?? throw new WarehouseException(ExitCodes.BadInput, $"this model has no data generator: {WithoutGenerator}");
        if (batch < 1)
            throw new WarehouseException(ExitCodes.BadInput, $"--batch must be 1 or more (got {batch})");
        if (!(scale > 0) || double.IsInfinity(scale))
            throw new WarehouseException(ExitCodes.BadInput, $"--scale must be a positive number (got {scale.ToString(CultureInfo.InvariantCulture)})");

        var request = new LakeGenerationRequest(context.Manifest, context.LakeRoot, seed, scale, batch);
        var console = context.Environment.Console;
        IReadOnlyList<string> files = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                files = generator.Generate(request, new ImmediateProgress<GenerationProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.File, out var task))
                        tasks[p.File] = task = progress.AddTask(Markup.Escape(p.File), maxValue: Math.Max(1, p.RowsTotal));
                    task.Value = p.RowsWritten;
                }));
            });
        console.MarkupLineInterpolated($"generated {files.Count} file(s) (seed {seed}, scale {scale}, batch {batch}) in {context.LakeRoot}");
    }

    public static void Stage(CommandContext context, string dataFolder)
    {
        var files = DataStager.Stage(dataFolder, context.LakeRoot, context.Manifest.Sources.ToList());
        context.Environment.Console.MarkupLineInterpolated($"staged {files.Count} file(s) from {dataFolder} into {context.LakeRoot}");
    }

    /// <summary>Unlike Progress&lt;T&gt;, which posts to the thread pool, reports on the generating thread, in order.</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
