using System.Globalization;
using Spectre.Console;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Lake.Synthetic;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>Fills the lake: the model's generated data with a progress bar per file, or a staged folder of the user's files.</summary>
public static class LakeCommands
{
    /// <summary>The model's own generator when it registers one, else the runner's, made from the manifest.</summary>
    public static ILakeDataGenerator GeneratorOf(CommandContext context) =>
        context.Extensions.LakeGenerator ?? new ModelDataGenerator();

    public static void Generate(CommandContext context, int seed, double scale, int batch, double badRows = 0)
    {
        var generator = GeneratorOf(context);
        if (batch < 1)
            throw new WarehouseException(ExitCodes.BadInput, $"--batch must be 1 or more (got {batch})");
        if (!(scale > 0) || double.IsInfinity(scale))
            throw new WarehouseException(ExitCodes.BadInput, $"--scale must be a positive number (got {scale.ToString(CultureInfo.InvariantCulture)})");
        if (!(badRows >= 0 && badRows <= 1))
            throw new WarehouseException(ExitCodes.BadInput, $"--bad-rows must be a rate from 0 to 1 (got {badRows.ToString(CultureInfo.InvariantCulture)})");
        if (badRows > 0 && !generator.WritesBadRows)
            throw new WarehouseException(ExitCodes.BadInput, "--bad-rows: this model's own data generator writes no invalid rows");

        var request = new LakeGenerationRequest(context.Manifest, context.LakeRoot, seed, scale, batch, badRows);
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
