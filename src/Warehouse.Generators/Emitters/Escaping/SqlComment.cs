using System.Text;

namespace Warehouse.Generators.Emitters.Escaping;

/// <summary>
/// Free text as SQL line comments, the same in every dialect: one <c>-- </c> line per line of the text. Every
/// character any reader takes as a line break (<see cref="UnicodeText.IsLineBreak"/>: a bare CR ends a comment in
/// PostgreSQL's and DuckDB's scanners) starts a new comment line, so no part of the text can leave the comment;
/// other control characters become U+FFFD. The result is plain SQL: a renderer then escapes it for its template
/// language (<see cref="RunnerText"/>, <see cref="JinjaText"/>).
/// </summary>
internal static class SqlComment
{
    /// <summary><c>-- line</c> per line of the text (CR LF counts as one break), each ending with LF; an empty line is a bare <c>--</c>.</summary>
    public static string Lines(string text)
    {
        text = UnicodeText.WellFormed(text);
        var sql = new StringBuilder(text.Length + 8);
        var line = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (UnicodeText.IsLineBreak(c))
            {
                AppendLine(sql, line);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else
            {
                line.Append(UnicodeText.IsOtherControl(c) ? UnicodeText.Replacement : c);
            }
        }

        AppendLine(sql, line);
        return sql.ToString();
    }

    private static void AppendLine(StringBuilder sql, StringBuilder line)
    {
        var content = line.ToString().TrimEnd();
        sql.Append(content.Length == 0 ? "--" : "-- " + content).Append('\n');
        line.Clear();
    }
}
