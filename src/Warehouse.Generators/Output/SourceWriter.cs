using System.Globalization;
using System.Text;

namespace Warehouse.Generators.Output;

/// <summary>An indenting writer for generated C#, always with LF line endings (as System.Text.Json's generator does).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text;
    private int _indent;

    /// <param name="capacity">The expected length, when known.</param>
    public SourceWriter(int capacity = 16)
    {
        _text = new StringBuilder(capacity);
    }

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// A regular C# string literal on one line. Everything that is not printable ASCII-safe — control characters,
    /// line and paragraph separators, surrogates, the BOM — is written as a <c>\uXXXX</c> escape, so any text a
    /// user wrote (even a lone surrogate) reaches the constant unchanged and the source file stays valid UTF-8.
    /// </summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 16).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                case '\n': literal.Append("\\n"); break;
                case '\r': literal.Append("\\r"); break;
                case '\t': literal.Append("\\t"); break;
                default:
                    if (c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029' or '\ufeff' || char.IsSurrogate(c))
                        literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        literal.Append(c);
                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Text for an XML doc comment line: markup characters escaped, line breaks and control characters dropped.</summary>
    public static string XmlText(string text)
    {
        var xml = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '<') xml.Append("&lt;");
            else if (c == '>') xml.Append("&gt;");
            else if (c == '&') xml.Append("&amp;");
            else if (!char.IsControl(c) && c is not ('\u2028' or '\u2029') && !char.IsSurrogate(c)) xml.Append(c);
        }

        return xml.ToString();
    }
}
