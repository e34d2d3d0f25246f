using System.Text;

namespace Warehouse.Generators.Emitters;

/// <summary>An indenting writer for generated C#, always with LF line endings (as System.Text.Json's generator does).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text;
    private int _indent;

    /// <param name="capacity">The expected length, when known: artifact sources run to megabytes.</param>
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

    /// <summary>
    /// The line <c>declaration = @"text";</c>, the same as <c>Line(declaration + " = " + Verbatim(text) + ";")</c>
    /// but escaping straight into the output: artifact texts run to megabytes (the manifest), and each
    /// intermediate string would be another copy of them.
    /// </summary>
    public SourceWriter VerbatimConstant(string declaration, string text)
    {
        _text.Append(' ', _indent * 4).Append(declaration).Append(" = @\"");
        var start = 0;
        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"', start))
        {
            _text.Append(text, start, quote + 1 - start).Append('"');
            start = quote + 1;
        }

        _text.Append(text, start, text.Length - start).Append("\";\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A C# verbatim string literal; artifact text goes through unchanged.</summary>
    public static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
