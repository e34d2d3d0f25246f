using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Deploy.Tests.Expressions;

/// <summary>A typed column of the edge-value table and the values its rows cycle through (null is SQL NULL).</summary>
internal sealed record EdgeColumn(string Name, SqlType Type, Category Category, string?[] Values);

/// <summary>
/// The table every generated expression reads: one typed column per kind of the expression grammar, whose rows hold
/// the values where engines part ways — NULL, 0, negatives, each integer type's min and max, large and half-way
/// decimals, empty, whitespace-only and trailing-space text, non-ASCII letters (é, ß, Ǆ, an emoji), apostrophes and
/// digits inside words, leap days, month ends, midnight and fractional-second timestamps. Row r takes each column's
/// value (r + shift) modulo its count, the shift differing per column, so NULLs and extremes meet in many combinations.
/// </summary>
internal static class EdgeTable
{
    public const string Name = "edge";

    /// <summary>The key column: the row's index.</summary>
    public const string Key = "k";

    public const int RowCount = 24;

    public static readonly EdgeColumn[] Columns =
    [
        new("b", new SqlType(SqlTypeKind.Boolean), Category.Bool, [null, "true", "false"]),
        new("s", new SqlType(SqlTypeKind.SmallInt), Category.Int, [null, "0", "1", "-1", "7", "-32768", "32767", "100", "-3"]),
        new("i", new SqlType(SqlTypeKind.Integer), Category.Int,
            [null, "0", "1", "-1", "5", "-2147483648", "2147483647", "12", "-7", "2", "3"]),
        new("n", new SqlType(SqlTypeKind.BigInt), Category.Int,
            [null, "0", "1", "-1", "3", "-9223372036854775808", "9223372036854775807", "1000000", "-10", "4000000000"]),
        new("d", new SqlType(SqlTypeKind.Decimal, Precision: 18, Scale: 2), Category.Dec,
            [null, "0.00", "2.50", "-2.50", "0.05", "-0.05", "1.45", "9999999999999999.99", "-9999999999999999.99", "0.01", "3.00", "-1.50"]),
        new("m", new SqlType(SqlTypeKind.Decimal, Precision: 9, Scale: 4), Category.Dec,
            [null, "0.0000", "0.1250", "-0.1250", "2.5000", "-3.5000", "99999.9999", "0.0005", "1.0000", "-0.0001"]),
        new("t", new SqlType(SqlTypeKind.Varchar, Length: 100), Category.Text,
            [null, "", " ", "   ", "abc  ", "  lead", "hello world", "é", "Straße", "ǆungla Ǆ", "😀 smile", "o'neil mcdonald",
             "3rd street", "x1y2 z", "ABC", "MiXeD cAsE", "100%_done", "tab\there", "ÉCOLE élève", "a\\b"]),
        new("u", new SqlType(SqlTypeKind.Varchar, Length: 20), Category.Text,
            [null, "a", "", " ", "l", "É", "ss", "%", "ab", "lo", "ß", "😀", "'"]),
        new("dt", new SqlType(SqlTypeKind.Date), Category.Date,
            [null, "2024-02-29", "2023-02-28", "2024-12-31", "2000-01-01", "1999-12-31", "1970-01-01", "2024-03-31", "2023-01-01", "2100-06-30"]),
        new("ts", new SqlType(SqlTypeKind.Timestamp), Category.Timestamp,
            [null, "2024-02-29 00:00:00", "2024-02-29 23:59:59.999999", "2023-12-31 23:59:59.5", "2000-01-01 12:00:00",
             "1970-01-01 00:00:00", "2024-03-31 08:15:30.123456", "2024-01-01 00:00:00.000001", "2023-06-15 00:00:00.25"]),
    ];

    /// <summary>The text of <paramref name="column"/> in row <paramref name="row"/> (null for NULL).</summary>
    public static string? Value(EdgeColumn column, int row)
    {
        var shift = Array.IndexOf(Columns, column) * 5;
        return column.Values[(row + shift) % column.Values.Length];
    }

    public static EdgeColumn Column(string name) => Columns.Single(c => c.Name == name);

    /// <summary>The edge rows: each a value per column of <see cref="Columns"/>, in order.</summary>
    public static string?[][] Rows() =>
        Enumerable.Range(0, RowCount).Select(row => Columns.Select(c => Value(c, row)).ToArray()).ToArray();

    /// <summary>One row with the given column values (name=value, the others NULL), for a named case.</summary>
    public static string?[] Row(IReadOnlyDictionary<string, string> values) =>
        Columns.Select(c => values.TryGetValue(c.Name, out var v) ? v : null).ToArray();

    /// <summary>CREATE TABLE and one INSERT of <paramref name="rows"/>, in <paramref name="dialect"/>.</summary>
    public static string CreateSql(SqlDialect dialect, string?[][] rows)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Name).Append(" (").Append(Key).Append(" INTEGER");
        foreach (var c in Columns) sql.Append(", ").Append(SqlDialect.Quote(c.Name)).Append(' ').Append(dialect.Type(c.Type));
        sql.Append(");\nINSERT INTO ").Append(Name).Append(" VALUES ");
        for (var row = 0; row < rows.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ", (").Append(row);
            for (var c = 0; c < Columns.Length; c++)
            {
                var value = rows[row][c];
                sql.Append(", ").Append(value is null ? "NULL" : dialect.Cast(dialect.Literal(value), Columns[c].Type));
            }

            sql.Append(')');
        }

        return sql.Append(';').ToString();
    }
}
