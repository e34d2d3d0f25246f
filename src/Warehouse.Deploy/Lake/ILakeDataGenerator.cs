using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// A model's synthetic data: what <c>generate</c> writes, and <c>deploy</c> on an empty lake. The runner has no data
/// of its own; a model project registers its generator through <see cref="Cli.WarehouseExtensions.LakeGenerator"/>.
/// </summary>
public interface ILakeDataGenerator
{
    /// <summary>One line for <c>generate --help</c>: the data set, and what --scale and --batch do to it.</summary>
    string Description { get; }

    /// <summary>
    /// Writes batch <see cref="LakeGenerationRequest.Batch"/> into the lake, each file under the source whose
    /// file_pattern it matches (<see cref="LakeLayout.RelativePathOf(IEnumerable{ManifestNode}, string)"/>). The same
    /// request must give the same bytes. Seed, scale and batch are checked by the runner before it calls this.
    /// </summary>
    /// <returns>The lake-relative paths written ('/' separators), in order.</returns>
    /// <summary>Whether the generator honours <see cref="LakeGenerationRequest.BadRowRate"/>; --bad-rows is refused otherwise.</summary>
    bool WritesBadRows => false;

    IReadOnlyList<string> Generate(LakeGenerationRequest request, IProgress<GenerationProgress>? progress = null);
}

/// <param name="Manifest">The model being deployed: its sources say where each file goes and what its header is.</param>
/// <param name="LakeRoot">The lake folder (absolute).</param>
/// <param name="Seed">--seed: same seed, same bytes.</param>
/// <param name="Scale">--scale, positive: 1 is the generator's base size.</param>
/// <param name="Batch">--batch, 1 or more: 1 is the initial data set; N ≥ 2 what arrives after batch N - 1.</param>
/// <param name="BadRowRate">--bad-rows, 0 to 1: the share of invalid rows added to each file, for quarantine.</param>
public sealed record LakeGenerationRequest(WarehouseManifest Manifest, string LakeRoot, int Seed, double Scale, int Batch, double BadRowRate = 0);

/// <summary>Progress of one file being written: <paramref name="File"/> is its lake-relative path.</summary>
public sealed record GenerationProgress(string File, long RowsWritten, long RowsTotal);
