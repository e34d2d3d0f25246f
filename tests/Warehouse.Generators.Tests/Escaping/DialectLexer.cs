using System.Globalization;
using System.Text;

namespace Warehouse.Generators.Tests.Escaping;

/// <summary>
/// An independent reading of emitted SQL as each engine's scanner reads it, for the escaping tests and the fuzz
/// harness: where statements end (<c>;</c> outside strings, quoted identifiers, comments and dollar quotes), and the
/// value of a literal. It is stricter than any engine where that is safe: a <c>--</c> comment ends at every character
/// some reader takes as a line break (PostgreSQL's and DuckDB's scanners end it at CR as well as LF; editors and
/// YAML 1.1 at NEL and U+2028/U+2029). Backslashes follow the dialect: escapes in every Redshift literal and in a
/// PostgreSQL <c>E'…'</c> string; ordinary elsewhere (standard_conforming_strings on, DuckDB).
/// </summary>
internal static class DialectLexer
{
    public static bool BackslashEscapes(string dialect, bool escapeString) => dialect == "redshift" || escapeString;

    /// <summary>The number of statements in <paramref name="sql"/> (those holding something other than comments and whitespace).</summary>
    public static int CountStatements(string dialect, string sql) => Statements(dialect, sql).Count;

    public static List<string> Statements(string dialect, string sql)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        bool hasCode = false;
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            int end;
            bool code = true;
            if (c == '-' && At(sql, i + 1) == '-')
            {
                end = i + 2;
                while (end < sql.Length && !IsLineBreak(sql[end])) end++;
                code = false;
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                end = EndOfBlockComment(sql, i);
                code = false;
            }
            else if (c == '\'')
            {
                bool escapeString = i > 0 && sql[i - 1] is 'E' or 'e' && (i < 2 || !IsIdentifierChar(sql[i - 2]));
                end = EndOfString(sql, i, BackslashEscapes(dialect, escapeString));
            }
            else if (c == '"')
            {
                end = EndOfQuotedIdentifier(sql, i);
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                int close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                end = close < 0 ? sql.Length : close + tag.Length;
            }
            else if (c == ';')
            {
                if (hasCode) statements.Add(current.ToString().Trim());
                current.Clear();
                hasCode = false;
                i++;
                continue;
            }
            else
            {
                end = i + 1;
                code = !char.IsWhiteSpace(c);
            }

            current.Append(sql, i, end - i);
            hasCode |= code;
            i = end;
        }

        if (hasCode) statements.Add(current.ToString().Trim());
        return statements;
    }

    /// <summary>
    /// The value of a literal as <c>SqlDialect.Literal</c> writes it: one quoted string (<c>'…'</c>, or <c>E'…'</c>),
    /// or a parenthesised concatenation of them and <c>CHR(n)</c>; throws on anything else.
    /// </summary>
    public static string LiteralValue(string dialect, string literal)
    {
        string text = literal;
        if (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1];
        var value = new StringBuilder();
        int i = 0;
        while (true)
        {
            if (text.AsSpan(i).StartsWith("CHR("))
            {
                int close = text.IndexOf(')', i);
                value.Append((char)int.Parse(text[(i + 4)..close], CultureInfo.InvariantCulture));
                i = close + 1;
            }
            else
            {
                bool escapeString = text[i] is 'E' or 'e';
                if (escapeString) i++;
                if (text[i] != '\'') throw new FormatException($"not a literal at {i}: {literal}");
                int end = EndOfString(text, i, BackslashEscapes(dialect, escapeString));
                value.Append(Unquote(text.Substring(i, end - i), BackslashEscapes(dialect, escapeString)));
                i = end;
            }

            if (i == text.Length) return value.ToString();
            if (!text.AsSpan(i).StartsWith(" || ")) throw new FormatException($"unexpected text at {i}: {literal}");
            i += 4;
        }
    }

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    private static string Unquote(string quoted, bool backslashEscapes)
    {
        var value = new StringBuilder();
        for (int i = 1; i < quoted.Length - 1; i++)
        {
            char c = quoted[i];
            if (backslashEscapes && c == '\\') value.Append(quoted[++i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var other => other });
            else if (c == '\'') value.Append(quoted[++i]);
            else value.Append(c);
        }

        return value.ToString();
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int EndOfString(string s, int start, bool backslashEscapes)
    {
        int i = start + 1;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\') { i += 2; continue; }
            if (s[i] == '\'')
            {
                if (At(s, i + 1) == '\'') { i += 2; continue; }
                return i + 1;
            }

            i++;
        }

        return s.Length;
    }

    private static int EndOfQuotedIdentifier(string s, int start)
    {
        int i = start + 1;
        while (i < s.Length)
        {
            if (s[i] == '"')
            {
                if (At(s, i + 1) == '"') { i += 2; continue; }
                return i + 1;
            }

            i++;
        }

        return s.Length;
    }

    /// <summary>PostgreSQL nests block comments.</summary>
    private static int EndOfBlockComment(string s, int start)
    {
        int depth = 0, i = start;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1) == '*') { depth++; i += 2; }
            else if (s[i] == '*' && At(s, i + 1) == '/') { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }

        return s.Length;
    }

    private static string? DollarTag(string s, int start)
    {
        if (start > 0 && IsIdentifierChar(s[start - 1])) return null;
        int i = start + 1;
        while (i < s.Length && (char.IsLetter(s[i]) || s[i] == '_' || (i > start + 1 && char.IsDigit(s[i])))) i++;
        return i < s.Length && s[i] == '$' ? s[start..(i + 1)] : null;
    }
}
