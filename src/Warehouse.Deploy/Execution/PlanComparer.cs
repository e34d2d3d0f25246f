using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Execution;

/// <summary>One difference between the manifest and the target's catalog.</summary>
public sealed record PlanChange(string Change, string Table, string? Column, string Detail, bool Breaking);

/// <summary>
/// Compares the manifest's relations and columns with information_schema. Dropping a table or column, changing a
/// column's type family, narrowing a VARCHAR and changing a DECIMAL's precision or scale are breaking (data or
/// downstream queries are lost, see <see cref="SqlTypes"/>); adding is not. The manifest's bookkeeping columns
/// (_source_file, _batch_at, …) and the quarantine tables are owned by the scripts and their model, so neither is compared.
/// With a selection only the selected relations are compared, and tables the manifest no longer has are not reported
/// (they are no node, so no selector can pick them).
/// </summary>
public static class PlanComparer
{
    public static IReadOnlyList<PlanChange> Compare(WarehouseManifest manifest, IReadOnlyList<CatalogColumn> catalog, NodeSelection? selection = null)
    {
        var relations = manifest.Nodes.Where(n => n.HasRelation && (selection?.Contains(n) ?? true)).ToList();
        var bookkeeping = manifest.Bookkeeping.Columns.ToHashSet(StringComparer.Ordinal);
        var quarantines = relations.Where(n => n.Quarantine is not null).Select(n => n.Quarantine!).ToHashSet(StringComparer.Ordinal);
        var actual = catalog.GroupBy(c => $"{c.Schema}.{c.Table}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var changes = new List<PlanChange>();

        foreach (var node in relations)
        {
            if (!actual.TryGetValue(node.Id, out var columns))
            {
                changes.Add(new PlanChange("new table", node.Id, null, $"{node.ColumnList.Count} column(s)", false));
                continue;
            }

            changes.AddRange(CompareColumns(node, columns, bookkeeping));
        }

        if (selection is not null)
            return changes;
        var declared = relations.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var table in actual.Keys.Where(t => !declared.Contains(t) && !quarantines.Contains(t)).Order(StringComparer.Ordinal))
            changes.Add(new PlanChange("dropped table", table, null, "no longer in the manifest", true));
        return changes;
    }

    private static IEnumerable<PlanChange> CompareColumns(ManifestNode node, List<CatalogColumn> columns, HashSet<string> bookkeeping)
    {
        var existing = columns.ToDictionary(c => c.Column, StringComparer.Ordinal);
        foreach (var column in node.ColumnList.Where(c => !bookkeeping.Contains(c.Name)))
        {
            if (!existing.TryGetValue(column.Name, out var current))
                yield return new PlanChange("new column", node.Id, column.Name, column.Type.ToString(), false);
            else if (SqlTypes.Compare(column.Type, current) is { } change)
                yield return new PlanChange(change.Change, node.Id, column.Name, $"{SqlTypes.Describe(current)} -> {column.Type}", change.Breaking);
        }

        var declared = node.ColumnList.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => !declared.Contains(c.Column) && !bookkeeping.Contains(c.Column)))
            yield return new PlanChange("dropped column", node.Id, column.Column, SqlTypes.Describe(column), true);
    }
}
