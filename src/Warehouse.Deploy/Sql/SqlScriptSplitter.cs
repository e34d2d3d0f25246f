using System.Text;

namespace Warehouse.Deploy.Sql;

/// <summary>
/// Splits a SQL script into statements on <c>;</c> outside quotes ('…', "…", $tag$…$tag$) and comments (-- and /* */).
/// Statements keep their comments; those that are only comments or whitespace are dropped.
/// </summary>
public static class SqlScriptSplitter
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        int i = 0;
        while (i < script.Length)
        {
            char c = script[i];
            int end = c switch
            {
                '\'' or '"' => EndOfQuoted(script, i, c),
                '-' when Next(script, i) == '-' => EndOfLine(script, i),
                '/' when Next(script, i) == '*' => EndOfBlockComment(script, i),
                '$' => EndOfDollarQuoted(script, i),
                _ => i + 1,
            };

            if (c == ';' && end == i + 1)
            {
                Add(statements, current);
                current.Clear();
            }
            else
            {
                current.Append(script, i, end - i);
            }

            i = end;
        }

        Add(statements, current);
        return statements;
    }

    private static char Next(string s, int i) => i + 1 < s.Length ? s[i + 1] : '\0';

    /// <summary>A doubled quote inside the literal is an escaped quote, so scanning continues past it.</summary>
    private static int EndOfQuoted(string s, int start, char quote)
    {
        int i = start + 1;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                if (Next(s, i) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return s.Length;
    }

    private static int EndOfLine(string s, int start)
    {
        int newline = s.IndexOf('\n', start);
        return newline < 0 ? s.Length : newline + 1;
    }

    private static int EndOfBlockComment(string s, int start)
    {
        int close = s.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return close < 0 ? s.Length : close + 2;
    }

    /// <summary>PostgreSQL dollar quoting ($$ or $tag$); a lone $ (e.g. a $1 parameter) is an ordinary character.</summary>
    private static int EndOfDollarQuoted(string s, int start)
    {
        int i = start + 1;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
            i++;
        if (i >= s.Length || s[i] != '$' || (i > start + 1 && char.IsDigit(s[start + 1])))
            return start + 1;

        string tag = s[start..(i + 1)];
        int close = s.IndexOf(tag, i + 1, StringComparison.Ordinal);
        return close < 0 ? s.Length : close + tag.Length;
    }

    private static void Add(List<string> statements, StringBuilder current)
    {
        string statement = current.ToString().Trim();
        if (HasCode(statement))
            statements.Add(statement);
    }

    private static bool HasCode(string statement)
    {
        foreach (var line in statement.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith("--", StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
