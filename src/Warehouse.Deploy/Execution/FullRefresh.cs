using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// <c>--full-refresh</c>: the incremental models of the run (all of them, or the selected ones) forget what they hold
/// and are rebuilt by their own scripts from the retained bronze. Nothing new is generated for it: an incremental
/// script run on an empty table, with no processed files recorded, computes the whole table (staging reads every
/// bronze file and keeps each key's latest row, a dimension inserts every member, a fact every silver row). So the
/// reset is a few DELETEs run first in the node's transaction: a staging node's own, or the publish transaction for
/// gold, whose readers see the old gold until it commits. Sources are not refreshed: the lake files are the data, and
/// bronze loads only the files it has not loaded yet. Views and tables rebuilt on every run need no reset.
/// </summary>
public sealed class FullRefresh
{
    public const string AllowHistoryLossOption = "--allow-history-loss";

    private FullRefresh(IReadOnlySet<string> nodes) => Nodes = nodes;

    /// <summary>The ids of the nodes rebuilt.</summary>
    public IReadOnlySet<string> Nodes { get; }

    /// <summary>
    /// The models the refresh rebuilds: the incremental ones of the selection (every one without a selection). A
    /// type-2 dimension among them is refused unless <paramref name="allowHistoryLoss"/>: its closed versions exist
    /// only in the warehouse (staging keeps each member's latest row), so a rebuild leaves one version per member.
    /// The check runs before the lake or the target is touched.
    /// </summary>
    public static FullRefresh Plan(WarehouseManifest manifest, NodeSelection? selection, bool allowHistoryLoss)
    {
        var rebuilt = manifest.Nodes
            .Where(n => n.Materialization == "incremental" && (selection?.Contains(n) ?? true))
            .ToList();
        var history = rebuilt.Where(n => n.Scd == 2).ToList();
        if (history.Count > 0 && !allowHistoryLoss)
            throw new WarehouseException(ExitCodes.BadInput,
                $"--full-refresh would rebuild {history.Count} type-2 dimension(s) from bronze and lose their history: " +
                $"{string.Join(", ", history.Select(n => n.Id))} (every closed valid_from/valid_to version is dropped and each member " +
                "gets one version from its latest bronze row; facts not refreshed with them keep keys of versions that no longer exist); " +
                $"nothing was run: pass {AllowHistoryLossOption} to rebuild them anyway, or leave them out with --exclude");
        return new FullRefresh(rebuilt.Select(n => n.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The statements that empty a rebuilt node before its script runs, in the same transaction: its table, and for
    /// staging its quarantine rows and its processed files, so the script reads every bronze file again. A table not
    /// created yet (the script creates it) has nothing to forget.
    /// </summary>
    public IReadOnlyList<string> ResetOf(ManifestNode node, ManifestBookkeeping bookkeeping, ISet<string> existingTables)
    {
        if (!Nodes.Contains(node.Id))
            return [];
        var statements = new[] { node.Id, node.Quarantine }
            .OfType<string>()
            .Where(existingTables.Contains)
            .Select(table => $"DELETE FROM {SqlLiteral.QualifiedName(table)}")
            .ToList();
        if (node.Kind == NodeKinds.Staging)
            statements.Add($"DELETE FROM {SqlLiteral.QualifiedName(bookkeeping.ProcessedFiles)} WHERE node = {SqlLiteral.String(node.Id)}");
        return statements;
    }
}
