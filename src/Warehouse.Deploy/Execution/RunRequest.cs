using System.Globalization;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// What to run: models (deploy, run), tests (deploy, test), against which artifacts and lake; all nodes, or a
/// --select/--exclude selection; with <see cref="FullRefresh"/>, the incremental models it names are rebuilt from bronze.
/// A run of models applies the plan (<see cref="ChangePlan"/>); <see cref="AllowHistoryLoss"/> lets it rebuild or drop a
/// type-2 dimension.
/// </summary>
public sealed record RunRequest(
    string Command,
    WarehouseManifest Manifest,
    IArtifactSource Artifacts,
    string LakeRoot,
    DateTime BatchAt,
    bool RunModels,
    bool RunTests,
    IReadOnlyDictionary<string, string>? ExtraVariables = null,
    NodeSelection? Selection = null,
    FullRefresh? FullRefresh = null,
    bool AllowHistoryLoss = false)
{
    /// <summary>Whether the node is in the run: every node without a selection.</summary>
    public bool Includes(ManifestNode node) => Selection?.Contains(node) ?? true;

    /// <summary>The contract's <c>batch_at</c> text: UTC, <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public string BatchAtText => BatchAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>lake_root: absolute, '/' separators, no trailing slash.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["lake_root"] = Path.GetFullPath(LakeRoot).Replace('\\', '/').TrimEnd('/'),
        ["batch_at"] = BatchAtText,
    }.Concat(ExtraVariables ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
