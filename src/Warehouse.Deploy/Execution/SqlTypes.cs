using System.Globalization;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Execution;

/// <summary>How a column's type in the target differs from the manifest's, and whether existing data or queries break.</summary>
public sealed record TypeChange(string Change, bool Breaking);

/// <summary>
/// Compares the manifest's structured column types with what information_schema reports. Names reduce to a family so
/// the manifest's VARCHAR compares equal to PostgreSQL's "character varying"; then the parts: a VARCHAR narrower than
/// the target's column, or a DECIMAL of another precision or scale, is a breaking change (rows that fit the table no
/// longer fit the model, or values round differently). A part the engine does not report (DuckDB keeps no VARCHAR
/// length) is not compared.
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

    /// <summary>The difference between the declared type and the target's column, or null when they agree.</summary>
    public static TypeChange? Compare(ManifestColumnType declared, CatalogColumn actual)
    {
        string family = Family(declared.Name);
        if (family != Family(actual.DataType))
            return new TypeChange("changed column", true);
        if (family == "text" && declared.Length is { } length && actual.Length is { } current && length != current)
            return length < current ? new TypeChange("narrowed column", true) : new TypeChange("widened column", false);
        if (family == "numeric" && declared.Precision is { } precision && actual.Precision is { } currentPrecision
            && (precision != currentPrecision || declared.Scale != actual.Scale))
            return new TypeChange("changed column", true);
        return null;
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
