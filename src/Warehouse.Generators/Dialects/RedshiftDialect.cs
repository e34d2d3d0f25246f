using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>
/// Amazon Redshift (production, MPP): PostgreSQL's grammar with Spectrum external schemas for bronze, plain casts
/// (no user functions are created), no IS DISTINCT FROM, GETDATE(), late-binding views and distribution/sort keys.
/// </summary>
internal sealed class RedshiftDialect : PostgresDialect
{
    // Amazon Redshift's reserved words beyond PostgreSQL's.
    private static readonly HashSet<string> Reserved = new(PostgresReserved.Concat(
        "aes128 aes256 allowoverwrite authorization az64 backup between binary blanksasnull bytedict bzip2 credentials cross current_user_id datetime deflate defrag delta delta32k disable emptyasnull enable encode encrypt encryption explicit freeze full globaldict256 globaldict64k gzip identity ignore ilike inner interval is isnull join language left like lun luns lzo lzop minus mostly16 mostly32 mostly8 natural new notnull nulls off offline old open outer overlaps parallel partition percent permissions pivot raw readratio recover rejectlog resort respect restore right similar snapshot sysdate system tag tdes text255 text32k timestamp top truncatecolumns unnest verbose wallet without"
            .Split(' ')));

    public override string Name => "redshift";

    public override string DisplayName => "Redshift";

    public override BronzeAccess Bronze => BronzeAccess.ExternalSchema;

    // Redshift allows 127 bytes.
    public override int MaxIdentifierLength => 127;

    public override int MaxVarcharLength => 65535;

    public override int MaxDecimalPrecision => 38;

    public override IReadOnlyCollection<string> ReservedWords => Reserved;

    public override string Text => "VARCHAR(65535)";

    // Bronze external tables are typed in the Glue catalog; Spectrum returns NULL for values it cannot parse,
    // so silver reads them as text and casts back, and a bad value surfaces as a NULL in a required column.
    public override string RawText(string column) => $"CAST({column} AS VARCHAR(65535))";

    // Spectrum's pseudo-column naming each row's file.
    public override string BronzeSourceFile => "\"$path\"";

    // Spectrum has no pseudo-column for a row's position in its file.
    public override string? BronzeSourceRow => null;

    // Redshift compares text by its bytes already and has no COLLATE "C".
    public override string BinaryOrder(string text) => text;

    // Redshift creates no functions: text that matches the grammar is cast plainly, so a value out of the type's
    // range or a day that does not exist (2023-02-29) fails the statement instead of being quarantined.
    protected override string CastMatched(string text, SqlType type) => $"CAST({text} AS {Type(type)})";

    /// <summary>
    /// Redshift reads backslash escapes in every string literal (it has no standard_conforming_strings and no
    /// <c>E'…'</c>): <c>\'</c> is a quote, so a backslash is doubled as well as a quote.
    /// </summary>
    public override string QuotedString(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'";

    public override string HashToBigInt(string text) => $"STRTOL(SUBSTRING(MD5({text}), 1, 15), 16)";

    // Redshift does not support IS DISTINCT FROM.
    public override string IsDistinct(string left, string right) =>
        $"({left} <> {right} OR ({left} IS NULL AND {right} IS NOT NULL) OR ({left} IS NOT NULL AND {right} IS NULL))";

    public override string Now => "GETDATE()";

    // GETDATE() is the current UTC time to the second, and Redshift's sessions run in UTC.
    public override string UtcNow => "GETDATE()";

    public override string CurrentDate => "CURRENT_DATE";

    public override string TrimSpaces(string text) => $"BTRIM({text}, ' ')";

    // Redshift's LENGTH (LEN) does not count trailing spaces: count them with a character after them.
    public override string Length(string text) => $"(LEN({text} || '.') - 1)";

    // No setup functions on Redshift (dbt runs the same SQL without them): the ROUND of the engine's quotient, whose
    // scale Redshift keeps at least max(4, left scale + right precision - right scale + 1) and at most 37.
    public override string Divide(string left, int leftScale, string right, int rightScale, int scale) =>
        $"ROUND(CAST({left} AS DECIMAL(38, {Number(scale)})) / NULLIF({right}, 0), {Number(scale)})";

    // Redshift's INITCAP capitalises after any character that is not a letter or digit, like the other dialects'
    // rule; for letters beyond ASCII it follows Redshift's own tables (docs/expressions.md). It has no setup functions.
    public override string InitCap(string argument) => $"INITCAP({argument})";

    // Redshift's INITCAP (the base spelling) capitalises after any character that is not a letter or digit, like
    // the other dialects' rule; for letters outside ASCII it follows Redshift's own tables (docs/expressions.md).

    // Redshift has neither FILTER on aggregates nor DISTINCT ON.
    public override bool SupportsAggregateFilter => false;

    public override bool SupportsDistinctOn => false;

    public override string MaterializedCte => string.Empty;

    // Plain CASTs need no try functions (see TryCast).
    public override string SetupFunctions => string.Empty;

    public override string CreateView(TableRef view, string select) =>
        $"CREATE OR REPLACE VIEW {Table(view)} AS\n{select}\nWITH NO SCHEMA BINDING;";

    public override string TableOptions(DistributionKind distribution, string? distKey, IReadOnlyList<string> sortKeys)
    {
        var style = distribution switch
        {
            DistributionKind.Key when distKey is not null => $"DISTSTYLE KEY DISTKEY ({Quote(distKey)})",
            DistributionKind.All => "DISTSTYLE ALL",
            DistributionKind.Even => "DISTSTYLE EVEN",
            _ => "DISTSTYLE AUTO",
        };
        var sort = sortKeys.Count == 0 ? string.Empty : $"\nCOMPOUND SORTKEY ({string.Join(", ", sortKeys.Select(Quote))})";
        return "\n" + style + sort;
    }
}
