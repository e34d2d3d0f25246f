using System.Data.Common;
using System.Globalization;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>One gold table in canonical text: its column names as the engine lists them, and its sorted rows.</summary>
public sealed record GoldTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);

/// <summary>
/// Every gold table of a deployed warehouse, all its columns (the model's and the bookkeeping ones: valid_from,
/// valid_to, is_current, _batch_at), read into one canonical text form so that two engines' gold can be compared row
/// by row: each value is spelled the same whatever the engine's .NET type (decimals without trailing zeros,
/// timestamps to the microsecond, a DATE column as yyyy-MM-dd), and rows are sorted by all their columns in that form
/// (ordinal), so no engine collation or NULL ordering takes part.
/// </summary>
public static class GoldTables
{
    public static async Task<IReadOnlyDictionary<string, GoldTable>> ReadAsync(WarehouseManifest manifest, DbConnection connection)
    {
        var tables = new SortedDictionary<string, GoldTable>(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes.Where(n => n.Layer == "gold" && n.Kind is "dimension" or "fact"))
        {
            var types = node.ColumnList.ToDictionary(c => c.Name, c => c.Type.Name, StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {node.Id}";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
                rows.Add(columns.Select((c, i) => Canonical(reader.GetValue(i), types.GetValueOrDefault(c))).ToArray());
            rows.Sort((a, b) => string.CompareOrdinal(string.Join('\t', a), string.Join('\t', b)));
            tables[node.Id] = new GoldTable(columns, rows);
        }

        return tables;
    }

    /// <summary>The first difference between two engines' gold (table, then column, then row), or null when they are identical.</summary>
    public static string? FirstDifference(string leftName, IReadOnlyDictionary<string, GoldTable> left, string rightName, IReadOnlyDictionary<string, GoldTable> right)
    {
        foreach (var (id, leftTable) in left)
        {
            if (!right.TryGetValue(id, out var rightTable))
                return $"{id}: on {leftName}, not on {rightName}";
            if (!leftTable.Columns.SequenceEqual(rightTable.Columns, StringComparer.Ordinal))
                return $"{id}: columns differ: {leftName} ({string.Join(", ", leftTable.Columns)}) vs {rightName} ({string.Join(", ", rightTable.Columns)})";
            for (int row = 0; row < Math.Min(leftTable.Rows.Count, rightTable.Rows.Count); row++)
            {
                for (int column = 0; column < leftTable.Columns.Count; column++)
                {
                    if (leftTable.Rows[row][column] != rightTable.Rows[row][column])
                    {
                        return $"{id}.{leftTable.Columns[column]} differs at sorted row {row + 1}: " +
                            $"{leftName} ({string.Join(", ", leftTable.Rows[row])}) vs {rightName} ({string.Join(", ", rightTable.Rows[row])})";
                    }
                }
            }

            if (leftTable.Rows.Count != rightTable.Rows.Count)
                return $"{id}: {leftName} has {leftTable.Rows.Count} rows, {rightName} {rightTable.Rows.Count}";
        }

        return right.Keys.FirstOrDefault(id => !left.ContainsKey(id)) is { } extra ? $"{extra}: on {rightName}, not on {leftName}" : null;
    }

    /// <summary>A value in its engine-independent spelling; <paramref name="logicalType"/> is the manifest's type when the column is the model's.</summary>
    public static string Canonical(object value, string? logicalType) => value switch
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
