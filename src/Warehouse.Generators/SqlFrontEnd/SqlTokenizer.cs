using System.Collections.Generic;
using System.Text;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

internal enum SqlTokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    Number,
    String,
    Symbol,

    /// <summary>A <c>{nameof(Model)}</c> hole: a typed reference to another model (<see cref="SqlToken.Reference"/> is its part index).</summary>
    Reference,
}

/// <summary>
/// One token of a SQL body. <see cref="Offset"/> and <see cref="Length"/> are in the body's text (the concatenated
/// <see cref="SqlPart"/> texts), which the generator maps back to a line and column inside the attribute's string.
/// A bare identifier's <see cref="Text"/> is lower-cased (SQL folds unquoted names); a string's is its value.
/// </summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Offset, int Length, int Reference = -1)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Identifier && Text == word;

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;
}

/// <summary>The text of a SQL body and where its typed references are in it.</summary>
internal sealed class SqlBody
{
    private SqlBody(string text, Dictionary<int, (int Length, int Part)> references)
    {
        Text = text;
        References = references;
    }

    public string Text { get; }

    /// <summary>By offset in <see cref="Text"/>: the reference's length and its index in the parts.</summary>
    public IReadOnlyDictionary<int, (int Length, int Part)> References { get; }

    public static SqlBody From(EquatableArray<SqlPart> parts)
    {
        var text = new StringBuilder();
        var references = new Dictionary<int, (int, int)>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].ReferencedType is not null) references[text.Length] = (parts[i].Text.Length, i);
            text.Append(parts[i].Text);
        }

        return new SqlBody(text.ToString(), references);
    }
}

/// <summary>
/// Splits a SQL body into tokens in one pass, skipping whitespace and comments. It never throws: an unterminated
/// string, quoted name or comment, or a character SQL has no use for, is returned as <see cref="Error"/>.
/// </summary>
internal static class SqlTokenizer
{
    private static readonly string[] Symbols = { "::", "<>", "!=", "<=", ">=", "||", "(", ")", ",", ".", ";", "+", "-", "*", "/", "%", "=", "<", ">" };

    public static (List<SqlToken> Tokens, string? Error, int ErrorOffset) Tokenize(SqlBody body)
    {
        var text = body.Text;
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (body.References.TryGetValue(i, out var reference))
            {
                tokens.Add(new SqlToken(SqlTokenKind.Reference, text.Substring(i, reference.Length), i, reference.Length, reference.Part));
                i += reference.Length;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (end < 0) return (tokens, "the comment is not closed with */", i);
                i = end + 2;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$') && !body.References.ContainsKey(i)) i++;
                tokens.Add(new SqlToken(SqlTokenKind.Identifier, text.Substring(start, i - start).ToLowerInvariant(), start, i - start));
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(At(text, i + 1))))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i])) i++;
                if (At(text, i) == '.' && At(text, i + 1) != '.')
                {
                    i++;
                    while (i < text.Length && char.IsDigit(text[i])) i++;
                }

                if (At(text, i) is 'e' or 'E' && (char.IsDigit(At(text, i + 1)) || (At(text, i + 1) is '+' or '-' && char.IsDigit(At(text, i + 2)))))
                {
                    i += 2;
                    while (i < text.Length && char.IsDigit(text[i])) i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, text.Substring(start, i - start), start, i - start));
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var value = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == c)
                    {
                        if (At(text, i + 1) == c)
                        {
                            value.Append(c);
                            i += 2;
                            continue;
                        }

                        i++;
                        closed = true;
                        break;
                    }

                    value.Append(text[i++]);
                }

                if (!closed) return (tokens, c == '\'' ? "the string is not closed with '" : "the quoted name is not closed with \"", start);
                if (c == '"' && value.Length == 0) return (tokens, "a quoted name cannot be empty", start);
                // A name is written into the SQL as it is; braces could open dbt's Jinja or a runner {{variable}}.
                if (c == '"' && value.ToString().IndexOfAny(new[] { '{', '}' }) >= 0) return (tokens, "a quoted name cannot contain '{' or '}'", start);
                tokens.Add(new SqlToken(c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier, value.ToString(), start, i - start));
            }
            else if (SymbolAt(text, i) is { } symbol)
            {
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol == "!=" ? "<>" : symbol, i, symbol.Length));
                i += symbol.Length;
            }
            else
            {
                return (tokens, $"'{c}' has no meaning here", i);
            }
        }

        tokens.Add(new SqlToken(SqlTokenKind.End, string.Empty, text.Length, 0));
        return (tokens, null, 0);
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static string? SymbolAt(string text, int index)
    {
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(text, index, symbol, 0, symbol.Length) == 0) return symbol;
        }

        return null;
    }
}
