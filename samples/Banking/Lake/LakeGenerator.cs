using Warehouse.Deploy.Lake;

namespace Banking.Lake;

/// <summary>
/// The bank's data generator, registered with the runner in Program.cs: a deterministic lake of the seed's 14 files
/// for batch 1; for batch N ≥ 2, <c>_batchN</c> files that change some accounts (balance, credit score) and customers
/// (address) and add fact rows with new ids. Each file lands under the source whose file_pattern its name matches.
/// </summary>
public sealed class LakeGenerator : ILakeDataGenerator
{
    public string Description =>
        "the bank's 14 seed files; --scale 1 = 100 customers and accounts and 10,000 rows per fact; " +
        "--batch N >= 2 writes _batchN files that change some accounts and customers and add fact rows";

    /// <returns>The lake-relative paths written, in order.</returns>
    public IReadOnlyList<string> Generate(LakeGenerationRequest request, IProgress<GenerationProgress>? progress = null)
    {
        var batch = new SeedBatch(request.Seed, LakeSizes.For(request.Scale), request.Batch);
        var files = batch.Files().ToList();
        // Every path is resolved before a file is written: a model without the bank's sources gets nothing half-written.
        var sources = request.Manifest.Sources.ToList();
        var paths = files.Select(f => LakeLayout.RelativePathOf(sources, batch.FileName(f.Table))).ToList();

        for (int i = 0; i < files.Count; i++)
        {
            var (table, total, rows) = files[i];
            string relative = paths[i];
            DelimitedFileWriter.Write(LakeLayout.FullPath(request.LakeRoot, relative), SeedSchema.Columns[table], rows,
                count => progress?.Report(new GenerationProgress(relative, count, total)));
        }

        return paths;
    }
}
