using System.Text;

namespace Warehouse.Generators.Dialects;

/// <summary>
/// upper(), lower() and initcap() by one fixed table, the same on every engine: the letters of the Latin blocks
/// (U+0000 to U+024F) that have a one-character upper or lower case, as .NET's invariant culture maps them; every
/// other character is kept. The engines' own case mappings follow the database's locale (PostgreSQL, Redshift) or
/// Unicode's full mapping (DuckDB maps ß to ẞ), so the same text came out differently; a TRANSLATE by this table
/// reads the same everywhere and never depends on the server's settings (docs/expressions.md, "Case").
/// </summary>
internal static class CaseMapping
{
    /// <summary>Lower-case letters, in the order of their upper-case partners in <see cref="Upper"/>.</summary>
    public static readonly string Lower;

    public static readonly string Upper;

    /// <summary>
    /// The characters words are made of for initcap(), as a regular-expression class body: ASCII letters and digits
    /// and the Latin letters of the table (an apostrophe, a hyphen or a non-Latin character starts a new word).
    /// </summary>
    public const string WordCharacters = "0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F";

    static CaseMapping()
    {
        var lower = new StringBuilder();
        var upper = new StringBuilder();
        for (var c = (char)0; c <= '\u024F'; c++)
        {
            var toUpper = char.ToUpperInvariant(c);
            // Only pairs that map back: ı (dotless i) and ſ (long s) upper-case to ASCII letters that lower-case to others.
            if (toUpper == c || toUpper > '\u024F' || char.ToLowerInvariant(toUpper) != c) continue;
            lower.Append(c);
            upper.Append(toUpper);
        }

        Lower = lower.ToString();
        Upper = upper.ToString();
    }

    public static string ToUpper(string text, SqlDialect dialect) => $"TRANSLATE({text}, {dialect.Literal(Lower)}, {dialect.Literal(Upper)})";

    public static string ToLower(string text, SqlDialect dialect) => $"TRANSLATE({text}, {dialect.Literal(Upper)}, {dialect.Literal(Lower)})";
}
