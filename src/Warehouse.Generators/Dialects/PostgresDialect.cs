using System.Collections.Generic;
using System.Globalization;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>PostgreSQL (local server): bronze is loaded by the runner's binary COPY; casts go through _setup.sql's try functions.</summary>
internal class PostgresDialect : SqlDialect
{
    public override string Name => "postgres";

    public override string DisplayName => "PostgreSQL";

    public override BronzeAccess Bronze => BronzeAccess.LoadedByRunner;

    // NAMEDATALEN - 1: PostgreSQL truncates identifiers beyond 63 bytes.
    public override int MaxIdentifierLength => 63;

    public override int MaxVarcharLength => 10485760;

    public override int MaxDecimalPrecision => 1000;

    public override IReadOnlyCollection<string> ReservedWords => PostgresReserved;

    public override string Text => "TEXT";

    /// <summary>
    /// A backslash is ordinary in a standard string only while <c>standard_conforming_strings</c> is on (the default,
    /// but a server or a session may turn it off), so text with one is an escape string, <c>E'…'</c>, whose backslashes
    /// are escapes under every setting: each is doubled. Doubled quotes read the same in both forms, so a splitter that
    /// knows only doubled quotes (the runner's) still finds the literal's end.
    /// </summary>
    public override string QuotedString(string text) =>
        text.IndexOf('\\') < 0 ? base.QuotedString(text) : "E'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'";

    public override string Type(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Double => "DOUBLE PRECISION",
        _ => type.ToString(),
    };

    protected override string Matches(string text, string pattern) => $"{text} ~ {Literal(pattern)}";

    // PostgreSQL has no TRY_CAST; _setup.sql defines these functions (a failed cast returns NULL).
    // try_decimal also checks precision and scale, try_integer/try_smallint the range, so the outer CAST never fails.
    protected override string CastMatched(string text, SqlType type) => type.Kind switch
    {
        SqlTypeKind.Varchar => $"CAST({text} AS {Type(type)})",
        SqlTypeKind.Decimal => $"CAST(\"_warehouse\".\"try_decimal\"({text}, {type.Precision.ToString(CultureInfo.InvariantCulture)}, {type.Scale.ToString(CultureInfo.InvariantCulture)}) AS {Type(type)})",
        _ => $"CAST(\"_warehouse\".\"try_{TryCastSuffix(type.Kind)}\"({text}) AS {Type(type)})",
    };

    public override string HashToBigInt(string text) =>
        $"CAST(CAST(('x' || LPAD(SUBSTRING(MD5({text}), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT)";

    public override string FormatTimestamp(string expression) => $"TO_CHAR({expression}, 'YYYY-MM-DD HH24:MI:SS')";

    public override string MaterializedCte => "MATERIALIZED ";

    // A database created with a linguistic collation (en_US.UTF-8) sorts "x.csv" after "x_batch2.csv" (punctuation
    // is ignored at first); file order is the paths' byte order on every engine.
    public override string BinaryOrder(string text) => $"{text} COLLATE \"C\"";

    public override string SetupFunctions => TryCastFunctions + ExpressionFunctions;

    public override string Divide(string left, int leftScale, string right, int rightScale, int scale) =>
        $"(\"_warehouse\".\"divide_rounded\"({WholeNumber($"CAST({left} AS NUMERIC) * {Power10(scale + rightScale)}")}, {WholeNumber($"CAST({right} AS NUMERIC) * {Power10(rightScale)}")}) * {Fraction(scale)})";

    // The same whole numbers DuckDB divides (docs/expressions.md, "Division"): l * 10^(s + sr) and r * 10^sr, each
    // within DECIMAL(38, 0), so that a quotient too large for DuckDB's 128 bits is an overflow error here too.
    private static string WholeNumber(string value) => $"CAST({value} AS DECIMAL(38,0))";

    // INITCAP follows the database's locale for letters beyond ASCII: split into words as the other dialects do.
    public override string InitCap(string argument) => $"\"_warehouse\".\"initcap\"({argument})";

    /// <summary>
    /// The expression language's functions PostgreSQL does not have in the form docs/expressions.md defines:
    /// divide_rounded is the exact quotient of two numerics rounded half away from zero to a whole number
    /// (<c>div</c> and <c>mod</c> are exact, so no rounding of an intermediate quotient can differ from DuckDB's);
    /// initcap capitalises each word of <see cref="CaseMapping.WordCharacters"/> by the <see cref="CaseMapping"/> table.
    /// </summary>
    private static string ExpressionFunctions => $$"""
        CREATE OR REPLACE FUNCTION "_warehouse"."divide_rounded"(a NUMERIC, b NUMERIC) RETURNS NUMERIC
        LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN b <> 0 THEN DIV(a, b) + CASE WHEN 2 * ABS(MOD(a, b)) >= ABS(b) THEN SIGN(a) * SIGN(b) ELSE 0 END END
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."initcap"(value TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE STRICT AS $$
            SELECT COALESCE(STRING_AGG(CASE WHEN part[1] ~ '^[{{CaseMapping.WordCharacters}}]'
                THEN {{CaseMapping.ToUpper("LEFT(part[1], 1)", Postgres)}} || {{CaseMapping.ToLower("SUBSTRING(part[1], 2)", Postgres)}}
                ELSE part[1] END, '' ORDER BY n), '')
            FROM REGEXP_MATCHES(value, '[{{CaseMapping.WordCharacters}}]+|[^{{CaseMapping.WordCharacters}}]+', 'g') WITH ORDINALITY AS words(part, n)
        $$;

        """;

    private static string TryCastSuffix(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.SmallInt => "smallint",
        SqlTypeKind.Integer => "integer",
        SqlTypeKind.BigInt => "bigint",
        SqlTypeKind.Decimal => "numeric",
        SqlTypeKind.Double => "double",
        SqlTypeKind.Real => "real",
        SqlTypeKind.Date => "date",
        _ => "timestamp",
    };

    /// <summary>
    /// PostgreSQL has no TRY_CAST: these return NULL where a cast fails, so silver can quarantine the row with its
    /// reason. An EXCEPTION block costs a subtransaction per call, so values that certainly cast (plain digits) take
    /// a fast path and only the rest enter the block. try_integer, try_smallint and try_decimal also return NULL
    /// when the value does not fit the column (DuckDB's TRY_CAST does the same), instead of failing the statement.
    /// </summary>
    private const string TryCastFunctions = """
        CREATE OR REPLACE FUNCTION "_warehouse"."try_bigint"(value TEXT) RETURNS BIGINT
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            IF value ~ '^[+-]?[0-9]{1,18}$' THEN
                RETURN CAST(value AS BIGINT);
            END IF;
            BEGIN
                RETURN CAST(value AS BIGINT);
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_integer"(value TEXT) RETURNS INTEGER
        LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            n BIGINT := "_warehouse"."try_bigint"(value);
        BEGIN
            RETURN CASE WHEN n BETWEEN -2147483648 AND 2147483647 THEN CAST(n AS INTEGER) END;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_smallint"(value TEXT) RETURNS SMALLINT
        LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            n BIGINT := "_warehouse"."try_bigint"(value);
        BEGIN
            RETURN CASE WHEN n BETWEEN -32768 AND 32767 THEN CAST(n AS SMALLINT) END;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_numeric"(value TEXT) RETURNS NUMERIC
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            IF value ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN
                RETURN CAST(value AS NUMERIC);
            END IF;
            BEGIN
                RETURN CAST(value AS NUMERIC);
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_decimal"(value TEXT, digits INTEGER, scale INTEGER) RETURNS NUMERIC
        LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            n NUMERIC := "_warehouse"."try_numeric"(value);
            bound NUMERIC := POWER(CAST(10 AS NUMERIC), digits - scale);
        BEGIN
            IF n IS NULL OR n = CAST('NaN' AS NUMERIC) OR ABS(n) >= bound THEN
                RETURN NULL;
            END IF;
            n := ROUND(n, scale);
            RETURN CASE WHEN ABS(n) < bound THEN n END;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_double"(value TEXT) RETURNS DOUBLE PRECISION
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN CAST(value AS DOUBLE PRECISION);
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_real"(value TEXT) RETURNS REAL
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN CAST(value AS REAL);
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_date"(value TEXT) RETURNS DATE
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN CAST(value AS DATE);
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END;
        $$;
        CREATE OR REPLACE FUNCTION "_warehouse"."try_timestamp"(value TEXT) RETURNS TIMESTAMP
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN CAST(value AS TIMESTAMP);
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END;
        $$;

        """;
}
