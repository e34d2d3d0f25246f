namespace Warehouse.Deploy.Execution;

/// <summary>
/// Reduces a type name to a family so the manifest's spelling (VARCHAR, DECIMAL(18,2)) compares equal to what
/// information_schema reports (character varying, numeric). Precision is ignored: PostgreSQL's data_type omits it.
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

    public static string Family(string type)
    {
        string name = type.Trim().ToLowerInvariant();
        int parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
            name = name[..parenthesis].Trim();
        return Families.TryGetValue(name, out var family) ? family : name;
    }
}
