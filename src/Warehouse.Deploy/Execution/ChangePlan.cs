using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Execution;

/// <summary>How far a change reaches (docs/plan.md).</summary>
public enum ChangeClass
{
    /// <summary>Descriptions, tests, tags: the data stays as it is, the record is rewritten.</summary>
    Metadata,

    /// <summary>The node alone is rebuilt: a new node, columns added or widened, drift repaired.</summary>
    NonBreaking,

    /// <summary>The node and every node that reads it, directly or not, are rebuilt.</summary>
    Breaking,
}

/// <summary>What the deploy does to a node.</summary>
public enum NodeAction
{
    /// <summary>Nothing to undo: the node's script creates it (a new node), or rewrites its record (metadata).</summary>
    Run,

    /// <summary>Dropped in its transaction, then rebuilt by its script from its upstreams (staging: from every bronze file).</summary>
    Rebuild,

    /// <summary>A type-2 dimension kept with its versions: new columns added, widened ones altered, then its script runs.</summary>
    InPlace,

    /// <summary>Removed from the model: its relation and record are dropped.</summary>
    Drop,
}

/// <summary>One node's change: its class, what the deploy does, why, and from which data.</summary>
public sealed record NodeChange(string Node, ChangeClass Class, NodeAction Action, IReadOnlyList<string> Reasons, string From)
{
    /// <summary>ALTER statements an <see cref="NodeAction.InPlace"/> change runs first.</summary>
    public IReadOnlyList<string> Alterations { get; init; } = [];

    /// <summary>Why the deploy refuses it without --allow-history-loss (a type-2 dimension rebuilt or dropped); null when it does not.</summary>
    public string? HistoryLoss { get; init; }

    /// <summary>A dependant that --select/--exclude leaves out: the deploy refuses to leave it stale.</summary>
    public bool NotSelected { get; init; }
}

/// <summary>
/// The deploy's plan: the compiled model against the state each node recorded when it was deployed
/// (<see cref="NodeState"/>) and against the catalog. A node whose checksum is its recorded one and whose columns
/// are as the catalog had them then is unchanged. Otherwise: same logic checksum, a metadata change; a logic change
/// that only adds or widens columns, and whose script differs only in lines that name them, is non-breaking (the
/// node alone is rebuilt); any other logic change is breaking and rebuilds every dependant too. A type-2 dimension
/// keeps its versions where it can (in place); a rebuild or drop that would lose them needs --allow-history-loss.
/// </summary>
public sealed class ChangePlan
{
    private readonly Dictionary<string, NodeChange> _changes;

    private ChangePlan(Dictionary<string, NodeChange> changes, IReadOnlyDictionary<string, RecordedNode> recorded,
        IReadOnlyDictionary<string, bool> views)
    {
        _changes = changes;
        Recorded = recorded;
        Views = views;
    }

    /// <summary>The changes, in the manifest's node order, removed nodes last.</summary>
    public IReadOnlyList<NodeChange> Changes => _changes.Values.ToList();

    /// <summary>What each node recorded at its last deploy.</summary>
    public IReadOnlyDictionary<string, RecordedNode> Recorded { get; }

    /// <summary>The relations of the target when the plan was made, and whether each is a view.</summary>
    public IReadOnlyDictionary<string, bool> Views { get; }

    public NodeChange? Of(string node) => _changes.GetValueOrDefault(node);

    public static ChangePlan Compute(WarehouseManifest manifest, WarehouseScripts scripts, IReadOnlyDictionary<string, RecordedNode> recorded,
        IReadOnlyList<CatalogColumn> catalog, NodeSelection? selection, bool allowHistoryLoss)
    {
        var relations = manifest.Nodes.Where(n => n.HasRelation && (selection?.Contains(n) ?? true)).ToList();
        var actual = catalog.GroupBy(c => $"{c.Schema}.{c.Table}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var testsOf = TestsByModel(manifest);
        var changes = new Dictionary<string, NodeChange>(StringComparer.Ordinal);

        foreach (var node in relations)
        {
            if (Compare(node, scripts.SourceOf(node), testsOf.GetValueOrDefault(node.Id) ?? [], recorded.GetValueOrDefault(node.Id),
                    actual.GetValueOrDefault(node.Id), allowHistoryLoss) is { } change)
                changes[node.Id] = change;
        }

        AddDependants(manifest, relations, changes, recorded, allowHistoryLoss);
        if (selection is null)
        {
            var declared = manifest.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var removed in recorded.Values.Where(r => !declared.Contains(r.Node)).OrderBy(r => r.Node, StringComparer.Ordinal))
            {
                changes[removed.Node] = new NodeChange(removed.Node, ChangeClass.Breaking, NodeAction.Drop, ["removed from the model"], "-")
                {
                    HistoryLoss = removed.KeepsHistory ? "it is removed from the model, and its closed versions with it" : null,
                };
            }
        }

        var views = actual.ToDictionary(t => t.Key, t => t.Value[0].InView, StringComparer.Ordinal);
        return new ChangePlan(changes, recorded, views);
    }

    /// <summary>The dependants a selection leaves out, as one message; null when there is none.</summary>
    public string? SelectionRefusal(NodeSelection? selection)
    {
        var missing = _changes.Values.Where(c => c.NotSelected).Select(c => c.Node).ToList();
        return missing.Count == 0 || selection is null
            ? null
            : $"{selection.Description}: {string.Join(", ", missing)} read(s) a node this deploy rebuilds and would keep data computed from " +
              $"its old version; nothing was run: select them too, e.g. {_changes.Values.First(c => !c.NotSelected && c.Class == ChangeClass.Breaking).Node}+";
    }

    /// <summary>The changes a deploy would refuse without --allow-history-loss, as one message; null when there is none.</summary>
    public string? HistoryRefusal()
    {
        var refused = _changes.Values.Where(c => c.HistoryLoss is not null).ToList();
        if (refused.Count == 0)
            return null;
        return $"deploy would lose the history of {refused.Count} type-2 dimension(s): " +
               string.Join("; ", refused.Select(c => $"{c.Node} ({c.HistoryLoss})")) +
               "; a rebuild from bronze keeps one version per member, the closed valid_from/valid_to versions exist only in the warehouse. " +
               $"Nothing was run: pass {FullRefresh.AllowHistoryLossOption} to apply it anyway, or keep the change out of the model";
    }

    private static NodeChange? Compare(ManifestNode node, string script, IReadOnlyList<string> tests, RecordedNode? recorded,
        List<CatalogColumn>? catalog, bool allowHistoryLoss)
    {
        string from = From(node);
        if (recorded is null)
        {
            return catalog is null
                ? new NodeChange(node.Id, ChangeClass.NonBreaking, NodeAction.Run, ["new node"], from)
                // Deployed by a runner that kept no record: its checksum is unknown, so the deploy records it as it is.
                : new NodeChange(node.Id, ChangeClass.Metadata, NodeAction.Run, ["no recorded state (deployed before plan recorded one): recorded as it is"], "-");
        }

        var reasons = new List<string>();
        var drift = Drift(recorded, catalog);
        var compiled = RecordedNode.Of(node, tests, [], null);
        bool logicChanged = recorded.LogicChecksum != compiled.LogicChecksum;
        if (drift.Count == 0 && recorded.Checksum == compiled.Checksum)
            return null;

        if (!logicChanged)
        {
            reasons.AddRange(MetadataChanges(recorded, node, tests));
            if (drift.Count == 0)
                return new NodeChange(node.Id, ChangeClass.Metadata, NodeAction.Run, reasons.Count > 0 ? reasons : ["metadata"], "-");
            reasons.AddRange(drift);
            return Rebuild(node, recorded, ChangeClass.NonBreaking, reasons, from, allowHistoryLoss, "a column changed outside the runner");
        }

        var columns = ColumnChanges(recorded.Columns, node.ColumnList).ToList();
        reasons.AddRange(columns.Select(c => c.Describe()));
        if (recorded.Scd != node.Scd)
            reasons.Add($"type {recorded.Scd} -> type {node.Scd}");
        if (recorded.Identity != compiled.Identity)
            reasons.Add($"rows are identified by {compiled.Identity ?? "nothing"} instead of {recorded.Identity ?? "nothing"}");
        if (recorded.Source != compiled.Source)
            reasons.Add($"the lake files are read otherwise ({Settings(recorded.Source)} -> {Settings(compiled.Source)})");
        if (recorded.Script == script && reasons.Count == 0 && drift.Count == 0)
            // Its script in this target's dialect is as it was: the change is another dialect's.
            return new NodeChange(node.Id, ChangeClass.Metadata, NodeAction.Run, ["logic changed in another dialect only"], "-");
        var touched = columns.Where(c => c.Kind is ColumnChangeKind.Added or ColumnChangeKind.Widened).Select(c => c.Name).ToList();
        bool onlyColumns = recorded.Script is not null && ScriptDiff.OnlyTouches(recorded.Script, script, touched);
        if (!onlyColumns)
            reasons.Add(recorded.Script is null ? "logic changed (its earlier script was not recorded)" : "logic changed (plan --diff shows the SQL)");
        reasons.AddRange(drift);

        bool additive = recorded.Scd == node.Scd && recorded.Identity == compiled.Identity && recorded.Source == compiled.Source
            && onlyColumns && touched.Count > 0 && touched.Count == columns.Count;
        if (additive && recorded.KeepsHistory)
        {
            return new NodeChange(node.Id, ChangeClass.NonBreaking, NodeAction.InPlace, reasons, "in place, history kept")
            {
                Alterations = columns.Select(c => c.Alteration(node.Id)).ToList(),
            };
        }

        var history = (recorded.Scd, node.Scd) switch
        {
            (2, not 2) => "it becomes type 1",
            _ when columns.FirstOrDefault(c => c.Kind is ColumnChangeKind.Dropped && c.Before?.History == true) is { } dropped =>
                $"history column {dropped.Name} is removed",
            _ when recorded.Identity != compiled.Identity => $"its business key changes ({recorded.Identity} -> {compiled.Identity})",
            _ => "its logic changes in a way that cannot keep the versions: " + string.Join(", ", reasons),
        };
        return Rebuild(node, recorded, additive ? ChangeClass.NonBreaking : ChangeClass.Breaking, reasons, from, allowHistoryLoss, history);
    }

    private static NodeChange Rebuild(ManifestNode node, RecordedNode recorded, ChangeClass change, List<string> reasons, string from,
        bool allowHistoryLoss, string history) =>
        new(node.Id, change, NodeAction.Rebuild, reasons, from)
        {
            HistoryLoss = recorded.KeepsHistory && !allowHistoryLoss ? history : null,
        };

    /// <summary>
    /// Every node downstream of a breaking change is rebuilt too: it read data that the change recomputes. A type-2
    /// dimension downstream keeps its versions (its script re-reads silver; a changed tracked value opens a new version)
    /// unless --allow-history-loss asks for a rebuild.
    /// </summary>
    private static void AddDependants(WarehouseManifest manifest, List<ManifestNode> relations, Dictionary<string, NodeChange> changes,
        IReadOnlyDictionary<string, RecordedNode> recorded, bool allowHistoryLoss)
    {
        var readers = manifest.Nodes.Where(n => n.HasRelation)
            .SelectMany(n => n.Dependencies.Select(d => (Upstream: d, Reader: n)))
            .ToLookup(p => p.Upstream, p => p.Reader, StringComparer.Ordinal);
        var included = relations.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        // Manifest order is not dependency order: walk breadth-first from each breaking change.
        var queue = new Queue<string>(changes.Values.Where(c => c.Class == ChangeClass.Breaking && c.Action == NodeAction.Rebuild).Select(c => c.Node));
        while (queue.TryDequeue(out var upstream))
        {
            foreach (var reader in readers[upstream])
            {
                var existing = changes.GetValueOrDefault(reader.Id);
                if (existing is { Action: NodeAction.Rebuild, Class: ChangeClass.Breaking } || !recorded.TryGetValue(reader.Id, out var record))
                    continue;
                var reasons = (existing?.Reasons ?? []).Append($"reads {upstream}, which is rebuilt").ToList();
                if (record.KeepsHistory && !allowHistoryLoss && existing?.Action is not NodeAction.Rebuild)
                {
                    changes[reader.Id] = new NodeChange(reader.Id, ChangeClass.Breaking, NodeAction.InPlace, reasons,
                        "in place, history kept: re-reads " + string.Join(", ", reader.Dependencies))
                    {
                        Alterations = existing?.Alterations ?? [],
                    };
                    continue;
                }

                changes[reader.Id] = new NodeChange(reader.Id, ChangeClass.Breaking, NodeAction.Rebuild, reasons, From(reader))
                {
                    HistoryLoss = existing?.HistoryLoss,
                };
                queue.Enqueue(reader.Id);
            }
        }

        // A dependant the selection leaves out would keep data computed from what the change replaces.
        foreach (var change in changes.Values.Where(c => !included.Contains(c.Node)).ToList())
            changes[change.Node] = change with { NotSelected = true };
    }

    private static string Settings(SourceSpec? source) =>
        source is null ? "none" : $"{source.Prefix}{source.FilePattern}, delimiter '{source.Delimiter}', header {(source.Header ? "yes" : "no")}";

    /// <summary>Where a rebuilt node's data comes from.</summary>
    private static string From(ManifestNode node) => node.Kind switch
    {
        NodeKinds.Source => $"the lake files under {node.Source?.Prefix}",
        NodeKinds.Staging => $"every file of {string.Join(", ", node.Dependencies)} (retained bronze)",
        _ => string.Join(", ", node.Dependencies),
    };

    /// <summary>The generic and singular tests attached to each model, by model id.</summary>
    public static Dictionary<string, List<string>> TestsByModel(WarehouseManifest manifest) =>
        manifest.Tests.Where(t => t.AttachedTo is not null)
            .GroupBy(t => t.AttachedTo!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>The node's columns as the catalog has them, against what it had when the node was deployed.</summary>
    private static List<string> Drift(RecordedNode recorded, List<CatalogColumn>? catalog)
    {
        // A relation the catalog did not show when it was deployed (Redshift's external bronze tables) is not compared.
        if (recorded.Physical.Count == 0)
            return [];
        if (catalog is null)
            return [$"{recorded.Node} was dropped outside the runner"];
        var now = catalog.ToDictionary(c => c.Column, SqlTypes.Describe, StringComparer.Ordinal);
        var drift = new List<string>();
        foreach (var column in recorded.Physical)
        {
            if (!now.TryGetValue(column.Name, out var type))
                drift.Add($"column {column.Name} was dropped outside the runner");
            else if (type != column.Type)
                drift.Add($"column {column.Name} was changed outside the runner ({column.Type} -> {type})");
        }

        var known = recorded.Physical.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        drift.AddRange(catalog.Where(c => !known.Contains(c.Column)).Select(c => $"column {c.Column} was added outside the runner"));
        return drift;
    }

    private static IEnumerable<string> MetadataChanges(RecordedNode recorded, ManifestNode node, IReadOnlyList<string> tests)
    {
        if (recorded.Description != node.Description)
            yield return "description changed";
        var before = recorded.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in node.ColumnList.Where(c => before.TryGetValue(c.Name, out var old) && old != c))
            yield return $"column {column.Name}: {(before[column.Name].Description != column.Description ? "description" : "metadata")} changed";
        var added = tests.Except(recorded.Tests, StringComparer.Ordinal).ToList();
        var removed = recorded.Tests.Except(tests, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
            yield return $"test(s) added: {string.Join(", ", added)}";
        if (removed.Count > 0)
            yield return $"test(s) removed: {string.Join(", ", removed)}";
    }

    private static IEnumerable<ColumnChange> ColumnChanges(IReadOnlyList<ManifestColumn> before, IReadOnlyList<ManifestColumn> after)
    {
        var old = before.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var names = after.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in after)
        {
            if (!old.TryGetValue(column.Name, out var previous))
                yield return new ColumnChange(ColumnChangeKind.Added, column.Name, null, column);
            else if (TypeChange(previous.Type, column.Type) is { } kind)
                yield return new ColumnChange(kind, column.Name, previous, column);
        }

        foreach (var column in before.Where(c => !names.Contains(c.Name)))
            yield return new ColumnChange(ColumnChangeKind.Dropped, column.Name, column, null);
    }

    private static ColumnChangeKind? TypeChange(ManifestColumnType before, ManifestColumnType after)
    {
        if (before == after)
            return null;
        if (before.Name == after.Name && before.Name == "VARCHAR" && before.Length is { } was && after.Length is { } now)
            return now > was ? ColumnChangeKind.Widened : ColumnChangeKind.Narrowed;
        if (before.Name == after.Name && before.Name == "DECIMAL" && after.Scale == before.Scale && after.Precision > before.Precision)
            return ColumnChangeKind.Widened;
        return ColumnChangeKind.Changed;
    }
}

public enum ColumnChangeKind
{
    Added,
    Dropped,
    Widened,
    Narrowed,
    Changed,
}

/// <summary>A column's change between the recorded and the compiled node.</summary>
public sealed record ColumnChange(ColumnChangeKind Kind, string Name, ManifestColumn? Before, ManifestColumn? After)
{
    public string Describe() => Kind switch
    {
        ColumnChangeKind.Added => $"column {Name} added ({After!.Type})",
        ColumnChangeKind.Dropped => $"column {Name} dropped",
        _ => $"column {Name} {Kind.ToString().ToLowerInvariant()} ({Before!.Type} -> {After!.Type})",
    };

    /// <summary>
    /// The statement that applies an additive change to a kept table. Added columns are nullable: the rows already
    /// there have no value for them until the script sets one (a type-2 dimension's overwritten columns, on every version).
    /// </summary>
    public string Alteration(string table) => Kind switch
    {
        ColumnChangeKind.Added => $"ALTER TABLE {SqlLiteral.QualifiedName(table)} ADD COLUMN {SqlLiteral.Identifier(Name)} {Portable(After!.Type)}",
        ColumnChangeKind.Widened => $"ALTER TABLE {SqlLiteral.QualifiedName(table)} ALTER COLUMN {SqlLiteral.Identifier(Name)} TYPE {Portable(After!.Type)}",
        _ => throw new InvalidOperationException($"{Kind} is not applied in place"),
    };

    /// <summary>The manifest's type in the SQL standard's spelling, which every engine of the registry accepts.</summary>
    private static string Portable(ManifestColumnType type) => type.Name == "DOUBLE" ? "DOUBLE PRECISION" : type.ToString();
}

/// <summary>How plan and deploy word a change.</summary>
public static class PlanText
{
    public static string Class(NodeChange change) => change.Class switch
    {
        ChangeClass.Breaking => "breaking",
        ChangeClass.NonBreaking => "non-breaking",
        _ => "metadata only",
    };

    public static string Action(NodeChange change) => change.Action switch
    {
        NodeAction.Rebuild => $"rebuilt from {change.From}",
        NodeAction.InPlace => change.From,
        NodeAction.Drop => "dropped",
        _ when change.Class == ChangeClass.Metadata => "record updated, data kept",
        _ => $"built from {change.From}",
    };
}
