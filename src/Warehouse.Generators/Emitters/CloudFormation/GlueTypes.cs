using System.Globalization;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>The Glue catalog (Hive) spelling of a model type, as Redshift Spectrum and Athena read it.</summary>
internal static class GlueTypes
{
    /// <summary>Hive's VARCHAR holds at most 65535 characters; longer or unbounded text is <c>string</c>.</summary>
    private const int MaxVarchar = 65535;

    public static string Of(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.SmallInt => "smallint",
        SqlTypeKind.Integer => "int",
        SqlTypeKind.BigInt => "bigint",
        SqlTypeKind.Decimal when type.Precision is > 0 and <= 38 && type.Scale >= 0 && type.Scale <= type.Precision => string.Format(CultureInfo.InvariantCulture, "decimal({0},{1})", type.Precision, type.Scale),
        SqlTypeKind.Double => "double",
        SqlTypeKind.Real => "float",
        SqlTypeKind.Varchar when type.Length is > 0 and <= MaxVarchar => string.Format(CultureInfo.InvariantCulture, "varchar({0})", type.Length),
        SqlTypeKind.Date => "date",
        SqlTypeKind.Timestamp => "timestamp",
        _ => "string",
    };
}
