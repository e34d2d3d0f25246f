using System.Data.Common;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Applies a <see cref="ChangePlan"/> as the run goes: before a changed node's script, the statements that undo what
/// it holds (a rebuild drops its relation, its quarantine and what it recorded of bronze, so the script recreates the
/// table in its new shape and reads every retained bronze file again; a type-2 dimension kept in place gets its
/// ALTERs); after the script, in the same transaction, the node's new record. Gold runs in the publish transaction,
/// so readers see the old gold, or the new one.
/// </summary>
public sealed class ChangeApplier(IWarehouseEngine engine, ManifestBookkeeping bookkeeping, WarehouseScripts scripts, ChangePlan plan,
    WarehouseManifest manifest, string batchAt)
{
    private readonly Dictionary<string, List<string>> _tests = ChangePlan.TestsByModel(manifest);

    public ChangePlan Plan => plan;

    /// <summary>Whether the node is dropped and rebuilt (its table counts start from nothing).</summary>
    public bool Rebuilds(ManifestNode node) => plan.Of(node.Id)?.Action == NodeAction.Rebuild;

    public IReadOnlyList<string> BeforeScript(ManifestNode node) => plan.Of(node.Id) switch
    {
        { Action: NodeAction.InPlace } change => change.Alterations,
        { Action: NodeAction.Rebuild } => Drop(node.Id, node.Quarantine, node.Kind),
        _ => [],
    };

    /// <summary>Records what the node was built with, when the plan changed it or it had no record; an unchanged node is not touched.</summary>
    public async Task RecordAsync(ManifestNode node, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (plan.Recorded.ContainsKey(node.Id) && plan.Of(node.Id) is null)
            return;
        var physical = (await engine.ReadColumnsAsync(node.Id, transaction, cancellationToken))
            .Select(c => new PhysicalColumn(c.Column, SqlTypes.Describe(c))).ToList();
        var record = RecordedNode.Of(node, _tests.GetValueOrDefault(node.Id) ?? [], physical, scripts.SourceOf(node));
        await NodeState.WriteAsync(engine, bookkeeping, record, batchAt, transaction, cancellationToken);
    }

    /// <summary>Drops the relations of the nodes removed from the model, the published ones or the others, with their records.</summary>
    public async Task DropRemovedAsync(bool published, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var removed in plan.Changes.Where(c => c.Action == NodeAction.Drop).Select(c => plan.Recorded[c.Node]).Where(r => r.Published == published))
        {
            await StatementRunner.RunAsync(engine, $"{removed.Node} (removed)", Drop(removed.Node, removed.Quarantine, removed.Kind), transaction, cancellationToken);
            await NodeState.DeleteAsync(engine, bookkeeping, removed.Node, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// What undoes a node: its relation (CASCADE: a view over it is a dependant, rebuilt after it), its quarantine,
    /// and the files staging processed or the runner bulk-loaded, so they are read again.
    /// </summary>
    private List<string> Drop(string node, string? quarantine, string kind)
    {
        var statements = new List<string>();
        if (plan.Views.TryGetValue(node, out bool view))
            statements.Add($"DROP {(view ? "VIEW" : "TABLE")} IF EXISTS {SqlLiteral.QualifiedName(node)} CASCADE");
        if (quarantine is not null && plan.Views.ContainsKey(quarantine))
            statements.Add($"DROP TABLE IF EXISTS {SqlLiteral.QualifiedName(quarantine)}");
        if (kind == NodeKinds.Staging)
            statements.Add($"DELETE FROM {SqlLiteral.QualifiedName(bookkeeping.ProcessedFiles)} WHERE node = {SqlLiteral.String(node)}");
        if (kind == NodeKinds.Source && engine.Capabilities.BulkLoadsBronze)
            statements.Add($"DELETE FROM {SqlLiteral.QualifiedName(bookkeeping.LoadedFiles)} WHERE source = {SqlLiteral.String(node)}");
        return statements;
    }
}
