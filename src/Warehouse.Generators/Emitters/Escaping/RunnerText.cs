using System.Text;

namespace Warehouse.Generators.Emitters.Escaping;

/// <summary>
/// The runner substitutes <c>{{name}}</c> in the SQL files it runs (docs/manifest.md). The compiler writes those
/// placeholders itself; text from the model that reaches a runner script (a comment, a SQL body) is escaped here so
/// that it never holds <c>{{</c>: a <c>{</c> followed by another <c>{</c>, or ending the text (it could meet a
/// placeholder the compiler writes next), is written as <c>{{lbrace}}</c>, a variable the runner always substitutes
/// with <c>{</c>. Substitution is one pass, so the text comes back exactly. String literals need none of this:
/// <c>SqlDialect.Literal</c> never leaves <c>{{</c> inside one.
/// </summary>
internal static class RunnerText
{
    /// <summary>The runner's built-in variable for a literal <c>{</c>.</summary>
    public const string BraceVariable = "lbrace";

    public const string Brace = "{{" + BraceVariable + "}}";

    public static string Escape(string text)
    {
        if (text.IndexOf('{') < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            escaped.Append(c == '{' && (i + 1 == text.Length || text[i + 1] == '{') ? Brace : c.ToString());
        }

        return escaped.ToString();
    }
}
