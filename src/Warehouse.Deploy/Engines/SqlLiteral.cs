using System.Globalization;

namespace Warehouse.Deploy.Engines;

/// <summary>Literals for the runner's own bookkeeping SQL, which both engines accept without driver-specific parameters.</summary>
public static class SqlLiteral
{
    public static string String(string? value) => value is null ? "NULL" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    public static string Timestamp(DateTime utc) =>
        $"TIMESTAMP '{utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}'";

    public static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";

    public static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>schema.name with each part quoted.</summary>
    public static string QualifiedName(string qualified)
    {
        int dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Identifier(qualified) : $"{Identifier(qualified[..dot])}.{Identifier(qualified[(dot + 1)..])}";
    }
}
