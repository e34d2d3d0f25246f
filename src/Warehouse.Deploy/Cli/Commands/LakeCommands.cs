using Spectre.Console;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Lake.Generation;

namespace Warehouse.Deploy.Cli.Commands;

/// <summary>Fills the lake: generated data with a progress bar per file, or a staged folder of seed-named files.</summary>
public static class LakeCommands
{
    public static void Generate(CommandContext context, int seed, double scale, int batch)
    {
        var generator = new LakeGenerator(seed, scale);
        var console = context.Environment.Console;
        IReadOnlyList<string> files = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                files = generator.Generate(context.LakeRoot, batch, new ImmediateProgress<GenerationProgress>(p =>
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
        var files = DataStager.Stage(dataFolder, context.LakeRoot);
        context.Environment.Console.MarkupLineInterpolated($"staged {files.Count} file(s) from {dataFolder} into {context.LakeRoot}");
    }

    /// <summary>Unlike Progress&lt;T&gt;, which posts to the thread pool, reports on the generating thread, in order.</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
