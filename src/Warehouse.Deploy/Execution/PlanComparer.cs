using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>One difference between the manifest and the target's catalog.</summary>
public sealed record PlanChange(string Change, string Table, string? Column, string Detail, bool Breaking);

/// <summary>
/// Compares the manifest's relations and columns with information_schema. Dropping a table or column and changing a
/// column's type are breaking (data or downstream queries are lost); adding is not. Columns whose names start with '_'
/// are bookkeeping (_source_file, _batch_at, …) and quarantine tables are owned by their model, so neither is compared.
/// </summary>
public static class PlanComparer
{
    public static IReadOnlyList<PlanChange> Compare(WarehouseManifest manifest, IReadOnlyList<CatalogColumn> catalog)
    {
        var relations = manifest.Nodes.Where(n => n.HasRelation).ToList();
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

            changes.AddRange(CompareColumns(node, columns));
        }

        var declared = relations.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var table in actual.Keys.Where(t => !declared.Contains(t) && !quarantines.Contains(t)).Order(StringComparer.Ordinal))
            changes.Add(new PlanChange("dropped table", table, null, "no longer in the manifest", true));
        return changes;
    }

    private static IEnumerable<PlanChange> CompareColumns(ManifestNode node, List<CatalogColumn> columns)
    {
        var existing = columns.ToDictionary(c => c.Column, StringComparer.Ordinal);
        foreach (var column in node.ColumnList.Where(c => !IsBookkeeping(c.Name)))
        {
            if (!existing.TryGetValue(column.Name, out var current))
                yield return new PlanChange("new column", node.Id, column.Name, column.Type ?? "", false);
            else if (column.Type is not null && SqlTypes.Family(column.Type) != SqlTypes.Family(current.DataType))
                yield return new PlanChange("changed column", node.Id, column.Name, $"{current.DataType} -> {column.Type}", true);
        }

        var declared = node.ColumnList.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => !declared.Contains(c.Column) && !IsBookkeeping(c.Column)))
            yield return new PlanChange("dropped column", node.Id, column.Column, column.DataType, true);
    }

    private static bool IsBookkeeping(string column) =>
        column.StartsWith('_') || column == CsvValidator.SourceFileColumn;
}
