using System.Globalization;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>
/// Column types as information_schema reports them: a family per spelling (PostgreSQL's "character varying" is a
/// VARCHAR), and one text per column, with its length or precision, which the node state records so that plan sees a
/// column changed behind the runner's back.
/// </summary>
public static class SqlTypes
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        ["varchar"] = "text", ["character varying"] = "text", ["text"] = "text", ["string"] = "text",
        ["char"] = "text", ["character"] = "text", ["bpchar"] = "text",
        ["int"] = "integer", ["integer"] = "integer", ["int4"] = "integer",
        ["bigint"] = "bigint", ["int8"] = "bigint",
        ["smallint"] = "smallint", ["int2"] = "smallint",
        ["decimal"] = "numeric", ["numeric"] = "numeric",
        ["double"] = "double", ["double precision"] = "double", ["float8"] = "double", ["float"] = "double",
        ["real"] = "real", ["float4"] = "real",
        ["timestamp"] = "timestamp", ["timestamp without time zone"] = "timestamp",
        ["timestamptz"] = "timestamptz", ["timestamp with time zone"] = "timestamptz",
        ["date"] = "date", ["boolean"] = "boolean", ["bool"] = "boolean",
    };

    /// <summary>The family of a type name as an engine spells it; a parenthesised suffix (DuckDB's DECIMAL(18,2)) is ignored.</summary>
    public static string Family(string type)
    {
        string name = type.Trim().ToLowerInvariant();
        int parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
            name = name[..parenthesis].Trim();
        return Families.TryGetValue(name, out var family) ? family : name;
    }

    /// <summary>The target's type for messages, with the length or precision information_schema reports apart from the name.</summary>
    public static string Describe(CatalogColumn column) => column switch
    {
        _ when column.DataType.Contains('(', StringComparison.Ordinal) => column.DataType,
        { Length: { } length } when Family(column.DataType) == "text" =>
            string.Create(CultureInfo.InvariantCulture, $"{column.DataType}({length})"),
        { Precision: { } precision, Scale: { } scale } when Family(column.DataType) == "numeric" =>
            string.Create(CultureInfo.InvariantCulture, $"{column.DataType}({precision},{scale})"),
        _ => column.DataType,
    };
}
