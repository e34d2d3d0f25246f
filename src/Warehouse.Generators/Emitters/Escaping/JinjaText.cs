using System.Text;

namespace Warehouse.Generators.Emitters.Escaping;

/// <summary>
/// Text from the model in a dbt file, which dbt renders with Jinja (SQL files as templates, YAML values one by one):
/// a <c>{</c> that would open a Jinja tag — followed by <c>{</c>, <c>%</c> or <c>#</c>, or ending the text, where
/// the compiler's own <c>{{ ref(...) }}</c> may follow — is written as the expression <c>{{ '{' }}</c>, which renders
/// as <c>{</c>. The text renders back exactly, and no tag in it reaches Jinja (a raw block could be closed by an
/// <c>{% endraw %}</c> in the text; <c>{{{</c> defeated the old "<c>{ {</c>" spacing). Jinja's lexer also turns
/// every CR of template text into LF, so a CR is written as the expression <c>{{ '\r' }}</c>.
/// </summary>
internal static class JinjaText
{
    /// <summary>The expression that renders a literal <c>{</c>.</summary>
    public const string Brace = "{{ '{' }}";

    /// <summary>The expression that renders a carriage return (which template text cannot hold).</summary>
    public const string CarriageReturn = "{{ '\\r' }}";

    public static string Escape(string text)
    {
        if (text.IndexOf('{') < 0 && text.IndexOf('\r') < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool opensTag = c == '{' && (i + 1 == text.Length || text[i + 1] is '{' or '%' or '#');
            escaped.Append(opensTag ? Brace : c == '\r' ? CarriageReturn : c.ToString());
        }

        return escaped.ToString();
    }

    /// <summary><c>'text'</c> as a Jinja string literal (inside a tag, where delimiters in a string are inert).</summary>
    public static string StringLiteral(string text) =>
        "'" + UnicodeText.WellFormed(text).Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n").Replace("\r", "\\r") + "'";
}
