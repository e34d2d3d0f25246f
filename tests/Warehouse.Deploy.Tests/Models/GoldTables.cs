using System.Data.Common;
using System.Globalization;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// Every gold table of a deployed warehouse read into one canonical text form, so that two engines' gold can be
/// compared row by row: each value is spelled the same whatever the engine's .NET type (decimals without trailing
/// zeros, timestamps to the microsecond, dates as yyyy-MM-dd by the column's logical type), and rows are sorted by
/// all their columns in that form (ordinal), so no engine collation or NULL ordering takes part.
/// </summary>
public static class GoldTables
{
    /// <summary>Table id → its rows, each a list of canonical values in the manifest's column order.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string[]>>> ReadAsync(WarehouseManifest manifest, DbConnection connection)
    {
        var tables = new SortedDictionary<string, IReadOnlyList<string[]>>(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes.Where(n => n.Layer == "gold" && n.Kind is "dimension" or "fact"))
        {
            var columns = node.ColumnList;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {node.Id}";
            var rows = new List<string[]>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(columns.Select((c, i) => Canonical(reader.GetValue(i), c.Type.Name)).ToArray());
            rows.Sort((a, b) => string.CompareOrdinal(string.Join('\t', a), string.Join('\t', b)));
            tables[node.Id] = rows;
        }

        return tables;
    }

    /// <summary>The first difference between two engines' gold (table, column, row), or null when they are identical.</summary>
    public static string? FirstDifference(
        WarehouseManifest manifest, string leftName, IReadOnlyDictionary<string, IReadOnlyList<string[]>> left,
        string rightName, IReadOnlyDictionary<string, IReadOnlyList<string[]>> right)
    {
        foreach (var (table, leftRows) in left)
        {
            var rightRows = right[table];
            var columns = manifest.Nodes.Single(n => n.Id == table).ColumnList;
            for (int row = 0; row < Math.Min(leftRows.Count, rightRows.Count); row++)
            {
                for (int column = 0; column < columns.Count; column++)
                {
                    if (leftRows[row][column] != rightRows[row][column])
                    {
                        return $"{table}.{columns[column].Name} differs at sorted row {row + 1}: " +
                            $"{leftName} ({string.Join(", ", leftRows[row])}) vs {rightName} ({string.Join(", ", rightRows[row])})";
                    }
                }
            }

            if (leftRows.Count != rightRows.Count)
                return $"{table}: {leftName} has {leftRows.Count} rows, {rightName} {rightRows.Count}";
        }

        return null;
    }

    private static string Canonical(object value, string logicalType) => value switch
    {
        DBNull => "NULL",
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t when logicalType == "DATE" => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
