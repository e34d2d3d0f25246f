using System.Collections.Generic;
using Warehouse.Generators.Expressions;
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

    // A division of DECIMALs is a DOUBLE on DuckDB: divide whole numbers as HUGEINTs instead, exactly. With L and R
    // the unscaled values of l (scale sl) and r (scale sr), l / r = L * 10^(sr - sl) / R, so the quotient's unscaled
    // value at scale s is L * 10^(s - sl + sr) / R rounded; both whole numbers must stay below 10^38.
    public override string Divide(string left, int leftScale, string right, int rightScale, int scale) =>
        $"(CAST(\"_warehouse\".\"divide_rounded\"({WholeNumber($"{Unscaled(left, leftScale)} * {Power10(scale - leftScale + rightScale)}")}, {WholeNumber(Unscaled(right, rightScale))}) AS DECIMAL(38, 0)) * CAST({Fraction(scale)} AS DECIMAL(38, {Number(scale)})))";

    // Within DECIMAL(38, 0), as PostgreSQL's spelling bounds them, though a HUGEINT would hold up to 1.7 * 10^38.
    private static string WholeNumber(string value) => $"CAST(CAST({value} AS DECIMAL(38,0)) AS HUGEINT)";

    // The unscaled value as a HUGEINT, in two parts, because a DECIMAL(38, s) times 10^s overflows past 10^(38 - 2s).
    private static string Unscaled(string value, int scale) =>
        scale == 0 ? $"CAST({value} AS HUGEINT)" : $"\"_warehouse\".\"unscaled\"(CAST({value} AS DECIMAL(38, {Number(scale)})), {Power10(scale)})";

    // DuckDB types an integer literal by its value (3 * a SMALLINT is a SMALLINT, and overflows), adds DECIMALs in
    // their operands' width (DECIMAL(18,2) + DECIMAL(18,2) overflows at 10^16), multiplies 18-digit DECIMALs in 64
    // bits, and gives a mix of DECIMALs that needs more than 38 digits fewer places. So a numeric operand is cast to
    // the result's exact type, or, of a product, to the widest DECIMAL of its own scale (128-bit arithmetic).
    public override string Operand(string operand, SqlType? type, SqlType? result, string? op)
    {
        if (type is not { IsNumeric: true } || result is not { IsNumeric: true } || type == result) return operand;
        if (ExpressionTypes.IsFloat(type) || ExpressionTypes.IsFloat(result)) return operand;
        return op == "*" && result.Kind == SqlTypeKind.Decimal
            ? $"CAST({operand} AS DECIMAL(38, {Number(type.Kind == SqlTypeKind.Decimal ? type.Scale : 0)}))"
            : Cast(operand, result);
    }

    // DuckDB folds a concatenation with a constant NULL into a NULL of no type (an INTEGER to its clients).
    public override string Concatenation(string joined) => $"CAST({joined} AS VARCHAR)";

    // a // b truncates toward zero on DuckDB (its / divides exactly, as a DOUBLE).
    public override string IntegerDivide(string left, string right) => $"({left} // NULLIF({right}, 0))";

    public override string SetupFunctions => """
        CREATE OR REPLACE MACRO "_warehouse"."unscaled"(x, f) AS
            CAST(TRUNC(x) AS HUGEINT) * f + CAST((x - TRUNC(x)) * f AS HUGEINT);
        CREATE OR REPLACE MACRO "_warehouse"."divide_rounded"(a, b) AS
            CASE WHEN b <> 0 THEN a // b + CASE WHEN 2 * ABS(a % b) >= ABS(b) THEN SIGN(a) * SIGN(b) ELSE 0 END END;

        """;

    private const string Words = "[" + CaseMapping.WordCharacters + "]+|[^" + CaseMapping.WordCharacters + "]+";

}
