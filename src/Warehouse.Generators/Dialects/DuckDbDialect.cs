using System.Collections.Generic;
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

    // DuckDB has no INITCAP. PostgreSQL's and Redshift's start a word after any non-alphanumeric character
    // (O'Hara, Smith-Jones), so split into runs of letters/digits and of the rest, and capitalise each run.
    public override string InitCap(string argument) =>
        $"ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL(LOWER({argument}), '[[:alnum:]]+|[^[:alnum:]]+'), w -> UPPER(w[1]) || w[2:]), '')";
}
