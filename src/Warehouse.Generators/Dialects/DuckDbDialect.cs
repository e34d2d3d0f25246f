using System.Collections.Generic;
using System.Globalization;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>DuckDB (local, embedded): reads the lake files itself and has TRY_CAST; no INITCAP.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";

    public override string DisplayName => "DuckDB";

    public override BronzeAccess Bronze => BronzeAccess.ReadsLakeFiles;

    // DuckDB keeps long identifiers; the limit that matters is the other targets'.
    public override int MaxIdentifierLength => 255;

    // DuckDB ignores a VARCHAR's length; the limit is its largest string (4 GB), beyond any other dialect's.
    public override int MaxVarcharLength => int.MaxValue;

    public override int MaxDecimalPrecision => 38;

    public override IReadOnlyCollection<string> ReservedWords => PostgresReserved;

    public override string Type(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Double => "DOUBLE",
        SqlTypeKind.Real => "REAL",
        _ => type.ToString(),
    };

    protected override string Matches(string text, string pattern) => $"REGEXP_MATCHES({text}, {Literal(pattern)})";

    protected override string CastMatched(string text, SqlType type)
    {
        var cast = $"TRY_CAST({text} AS {Type(type)})";
        // DuckDB reads a float too large for its type as infinity and one too small as 0, where PostgreSQL refuses
        // both: keep finite values, and 0 only when the digits before any exponent are all zeros.
        return type.Kind is SqlTypeKind.Double or SqlTypeKind.Real
            ? $"CASE WHEN ISFINITE({cast}) AND ({cast} <> 0 OR NOT REGEXP_MATCHES({text}, '^[^eE]*[1-9]')) THEN {cast} END"
            : cast;
    }

    public override string HashToBigInt(string text) => $"CAST(('0x' || SUBSTRING(MD5({text}), 1, 15)) AS BIGINT)";

    public override string FormatTimestamp(string expression) => $"STRFTIME({expression}, '%Y-%m-%d %H:%M:%S')";

    // DuckDB has no INITCAP: split into runs of word characters and of the rest, and capitalise each word by the
    // table the other dialects use (CaseMapping).
    public override string InitCap(string argument) =>
        $"ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL({argument}, {Literal(Words)}), w -> CASE WHEN REGEXP_MATCHES(w, {Literal("^[" + CaseMapping.WordCharacters + "]")}) THEN {CaseMapping.ToUpper("w[1]", this)} || {CaseMapping.ToLower("w[2:]", this)} ELSE w END), '')";

    // A division of DECIMALs is a DOUBLE on DuckDB: divide whole numbers as HUGEINTs instead, exactly. With both
    // operands at the quotient's scale s, l / r = L / R for their unscaled values, and the quotient's unscaled value
    // is L * 10^s / R rounded. (The HUGEINT holds 38 digits: |l| below 10^(38 - 2s), else an overflow error.)
    public override string Divide(string left, string right, int scale) =>
        $"(CAST(\"_warehouse\".\"divide_rounded\"({Unscaled(left, scale)} * {Power10(scale)}, {Unscaled(right, scale)}) AS DECIMAL(38, 0)) * CAST({Fraction(scale)} AS DECIMAL(38, {scale.ToString(CultureInfo.InvariantCulture)})))";

    private static string Unscaled(string value, int scale) =>
        $"CAST(CAST({value} AS DECIMAL(38, {scale.ToString(CultureInfo.InvariantCulture)})) * {Power10(scale)} AS HUGEINT)";

    // a // b truncates toward zero on DuckDB (its / divides exactly, as a DOUBLE).
    public override string IntegerDivide(string left, string right) => $"({left} // NULLIF({right}, 0))";

    public override string SetupFunctions => """
        CREATE OR REPLACE MACRO "_warehouse"."divide_rounded"(a, b) AS
            CASE WHEN b <> 0 THEN a // b + CASE WHEN 2 * ABS(a % b) >= ABS(b) THEN SIGN(a) * SIGN(b) ELSE 0 END END;

        """;

    private const string Words = "[" + CaseMapping.WordCharacters + "]+|[^" + CaseMapping.WordCharacters + "]+";

}
