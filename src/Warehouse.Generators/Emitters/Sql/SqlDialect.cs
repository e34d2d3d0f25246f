using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>
/// What differs between the engines. The emitters write one logical plan; a dialect spells its types, casts,
/// hashing and functions. Identifiers are always quoted, and they were validated by the resolver.
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect DuckDb = new DuckDbDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();
    public static readonly SqlDialect Redshift = new RedshiftDialect();

    public static readonly IReadOnlyList<SqlDialect> All = new[] { DuckDb, Postgres, Redshift };

    /// <summary>The folder and manifest key: duckdb, postgres, redshift.</summary>
    public abstract string Name { get; }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static string Table(TableRef table) => Quote(table.Schema) + "." + Quote(table.Name);

    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    public abstract string Type(SqlType type);

    /// <summary>The type bronze text columns are read as.</summary>
    public virtual string Text => "VARCHAR";

    /// <summary>Casts text to <paramref name="type"/>, giving NULL where the text is not a valid value.</summary>
    public abstract string TryCast(string text, SqlType type);

    /// <summary>A raw bronze column as text (Redshift's external tables may be typed).</summary>
    public virtual string RawText(string column) => column;

    public virtual string Cast(string expression, SqlType type) => $"CAST({expression} AS {Type(type)})";

    /// <summary>A deterministic, positive BIGINT from text: the first 60 bits of its MD5, identical on every engine.</summary>
    public abstract string HashToBigInt(string text);

    /// <summary>Formats a timestamp as <c>YYYY-MM-DD HH:MM:SS</c>, identically on every engine.</summary>
    public abstract string FormatTimestamp(string expression);

    public virtual string Timestamp(string literal) => $"CAST({Literal(literal)} AS TIMESTAMP)";

    /// <summary>Null-safe "differs": true when exactly one side is NULL or both differ.</summary>
    public virtual string IsDistinct(string left, string right) => $"{left} IS DISTINCT FROM {right}";

    public virtual string Now => "NOW()";

    /// <summary>
    /// Keyword that makes a CTE be computed once. PostgreSQL inlines a CTE used once, so every reference to a typed
    /// column in the checks would call its try-cast function again (8x slower staging without it).
    /// </summary>
    public virtual string MaterializedCte => string.Empty;

    public virtual string InitCap(string argument) => $"INITCAP({argument})";

    /// <summary>Table options after CREATE TABLE (...): Redshift's distribution and sort keys.</summary>
    public virtual string TableOptions(string? distKey, bool distributeAll, IReadOnlyList<string> sortKeys) => string.Empty;

    public virtual string CreateView(TableRef view, string select) =>
        $"DROP VIEW IF EXISTS {Table(view)};\nCREATE VIEW {Table(view)} AS\n{select};";

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string Name => "duckdb";

        public override string Type(SqlType type) => type.Kind switch
        {
            SqlTypeKind.Double => "DOUBLE",
            SqlTypeKind.Real => "REAL",
            _ => type.ToString(),
        };

        public override string TryCast(string text, SqlType type) => $"TRY_CAST({text} AS {Type(type)})";

        public override string HashToBigInt(string text) => $"CAST(('0x' || SUBSTRING(MD5({text}), 1, 15)) AS BIGINT)";

        public override string FormatTimestamp(string expression) => $"STRFTIME({expression}, '%Y-%m-%d %H:%M:%S')";

        // DuckDB has no INITCAP. PostgreSQL's and Redshift's start a word after any non-alphanumeric character
        // (O'Hara, Smith-Jones), so split into runs of letters/digits and of the rest, and capitalise each run.
        public override string InitCap(string argument) =>
            $"ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL(LOWER({argument}), '[[:alnum:]]+|[^[:alnum:]]+'), w -> UPPER(w[1]) || w[2:]), '')";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string Name => "postgres";

        public override string Text => "TEXT";

        public override string Type(SqlType type) => type.Kind switch
        {
            SqlTypeKind.Double => "DOUBLE PRECISION",
            _ => type.ToString(),
        };

        // PostgreSQL has no TRY_CAST; _setup.sql defines these functions (a failed cast returns NULL).
        // try_decimal also checks precision and scale, try_integer/try_smallint the range, so the outer CAST never fails.
        public override string TryCast(string text, SqlType type) => type.Kind switch
        {
            SqlTypeKind.Varchar => $"CAST({text} AS {Type(type)})",
            SqlTypeKind.Decimal => $"CAST(\"_warehouse\".\"try_decimal\"({text}, {type.Precision.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {type.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}) AS {Type(type)})",
            _ => $"CAST(\"_warehouse\".\"try_{TryCastSuffix(type.Kind)}\"({text}) AS {Type(type)})",
        };

        public static string TryCastSuffix(SqlTypeKind kind) => kind switch
        {
            SqlTypeKind.Boolean => "boolean",
            SqlTypeKind.SmallInt => "smallint",
            SqlTypeKind.Integer => "integer",
            SqlTypeKind.BigInt => "bigint",
            SqlTypeKind.Decimal => "numeric",
            SqlTypeKind.Double or SqlTypeKind.Real => "double",
            SqlTypeKind.Date => "date",
            _ => "timestamp",
        };

        public override string HashToBigInt(string text) =>
            $"CAST(CAST(('x' || LPAD(SUBSTRING(MD5({text}), 1, 15), 16, '0')) AS BIT(64)) AS BIGINT)";

        public override string FormatTimestamp(string expression) => $"TO_CHAR({expression}, 'YYYY-MM-DD HH24:MI:SS')";

        public override string MaterializedCte => "MATERIALIZED ";
    }

    private sealed class RedshiftDialect : SqlDialect
    {
        public override string Name => "redshift";

        public override string Type(SqlType type) => type.Kind switch
        {
            SqlTypeKind.Double => "DOUBLE PRECISION",
            _ => type.ToString(),
        };

        public override string Text => "VARCHAR(65535)";

        // Bronze external tables are typed in the Glue catalog; Spectrum returns NULL for values it cannot parse,
        // so silver reads them as text and casts back, and a bad value surfaces as a NULL in a required column.
        public override string RawText(string column) => $"CAST({column} AS VARCHAR(65535))";

        public override string TryCast(string text, SqlType type) => $"CAST({text} AS {Type(type)})";

        public override string HashToBigInt(string text) => $"STRTOL(SUBSTRING(MD5({text}), 1, 15), 16)";

        public override string FormatTimestamp(string expression) => $"TO_CHAR({expression}, 'YYYY-MM-DD HH24:MI:SS')";

        // Redshift does not support IS DISTINCT FROM.
        public override string IsDistinct(string left, string right) =>
            $"({left} <> {right} OR ({left} IS NULL AND {right} IS NOT NULL) OR ({left} IS NOT NULL AND {right} IS NULL))";

        public override string Now => "GETDATE()";

        public override string CreateView(TableRef view, string select) =>
            $"CREATE OR REPLACE VIEW {Table(view)} AS\n{select}\nWITH NO SCHEMA BINDING;";

        public override string TableOptions(string? distKey, bool distributeAll, IReadOnlyList<string> sortKeys)
        {
            var distribution = distributeAll ? "DISTSTYLE ALL" : distKey is null ? "DISTSTYLE AUTO" : $"DISTSTYLE KEY DISTKEY ({Quote(distKey)})";
            var sort = sortKeys.Count == 0 ? string.Empty : $"\nCOMPOUND SORTKEY ({string.Join(", ", sortKeys.Select(Quote))})";
            return "\n" + distribution + sort;
        }
    }
}
