using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>
/// The one text grammar a bronze value must match to become a typed silver value, on every engine
/// (docs/bronze-casts.md). The engines' own casts disagree at the edges: DuckDB rounds <c>12.5</c> into an INTEGER,
/// PostgreSQL accepts <c>tomorrow</c>, <c>epoch</c> and <c>infinity</c> as dates, <c>0x1F</c> and <c>1_000</c> as
/// integers and <c>on</c>/<c>off</c> as booleans, and each skips other whitespace. So each dialect's
/// <see cref="SqlDialect.TryCast"/> first matches the text against these patterns, and only text that matches reaches
/// the engine's cast, which then only decides what the pattern cannot: the range of the type and whether the date exists.
/// </summary>
/// <remarks>
/// The patterns use only what RE2 (DuckDB), PostgreSQL's advanced and Redshift's POSIX regular expressions read
/// alike: anchors, bracket classes of ASCII characters, <c>?</c>, <c>*</c>, <c>+</c>, <c>{n}</c> and groups with
/// <c>|</c>. No class shorthand (<c>\d</c> means other things in POSIX), no case-insensitive flag.
/// </remarks>
internal static class BronzeGrammar
{
    /// <summary>An optional sign and ASCII digits: no fraction, exponent, separator, hex or underscore.</summary>
    public const string Integer = "^[+-]?[0-9]+$";

    /// <summary>An optional sign, digits with an optional point and fraction (<c>12</c>, <c>12.</c>, <c>.5</c>); no exponent or separator.</summary>
    public const string Decimal = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$";

    /// <summary>A decimal with an optional exponent (<c>1.5e3</c>); no <c>inf</c> or <c>nan</c>.</summary>
    public const string Float = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$";

    /// <summary>ISO 8601 calendar date, <c>yyyy-mm-dd</c>, year 0001 to 9999; the engine's cast refuses days that do not exist.</summary>
    public const string Date = "^" + DatePart + "$";

    /// <summary>A date, optionally a space or <c>T</c> and <c>hh:mm</c>, <c>:ss</c> and up to six fraction digits; no time zone.</summary>
    public const string Timestamp = "^" + DatePart + "([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)?)?$";

    /// <summary>Boolean spellings, compared after lower-casing: the engines' casts accept different lists.</summary>
    public static readonly string[] TrueSpellings = ["true", "t", "yes", "y", "1"];

    public static readonly string[] FalseSpellings = ["false", "f", "no", "n", "0"];

    private const string DatePart = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

    /// <summary>The pattern text of <paramref name="kind"/> must match before the cast; null for text and boolean (no pattern).</summary>
    public static string? PatternOf(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt => Integer,
        SqlTypeKind.Decimal => Decimal,
        SqlTypeKind.Double or SqlTypeKind.Real => Float,
        SqlTypeKind.Date => Date,
        SqlTypeKind.Timestamp => Timestamp,
        _ => null,
    };
}
