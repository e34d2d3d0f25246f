using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Warehouse.Generators.Emitters.Escaping;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// A minimal indenting JSON writer. Generators run inside the compiler and cannot bring package dependencies
/// along easily, so System.Text.Json is not available here; this writes exactly the subset the artifacts need (objects, arrays, strings, integers, booleans),
/// deterministically (two spaces, LF, invariant culture).
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _text;
    private readonly Stack<bool> _hasItems = new();
    private int _depth;

    /// <param name="capacity">The expected length, when known: a document of megabytes then grows without copies.</param>
    public JsonWriter(int capacity = 16)
    {
        _text = new StringBuilder(capacity);
    }

    /// <summary>
    /// A writer for one value that another writer will place at <paramref name="depth"/> with <see cref="RawValue"/>:
    /// its lines are indented for that depth, so the joined text is what one writer would have written.
    /// </summary>
    public static JsonWriter Fragment(int depth) => new() { _depth = depth };

    public JsonWriter StartObject(string? name = null) => Start(name, '{');

    public JsonWriter EndObject() => End('}');

    public JsonWriter StartArray(string? name = null) => Start(name, '[');

    public JsonWriter EndArray() => End(']');

    public JsonWriter String(string name, string? value) => value is null ? this : Raw(name, Quote(value));

    public JsonWriter String(string value) => Raw(null, Quote(value));

    public JsonWriter Number(string name, long value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

    public JsonWriter Number(long value) => Raw(null, value.ToString(CultureInfo.InvariantCulture));

    public JsonWriter Bool(string name, bool value) => Raw(name, value ? "true" : "false");

    public JsonWriter Bool(bool value) => Raw(null, value ? "true" : "false");

    public JsonWriter Strings(string name, IEnumerable<string> values)
    {
        StartArray(name);
        foreach (var value in values) String(value);
        return EndArray();
    }

    /// <summary>A value written by a <see cref="Fragment"/> writer, as the next array element.</summary>
    public JsonWriter RawValue(string json) => Raw(null, json);

    public override string ToString()
    {
        // The document's final line break is appended and taken off again rather than concatenated, so that the
        // text is copied once: the manifest runs to megabytes, and each copy is a large-object allocation.
        var text = _text.Append('\n').ToString();
        _text.Length--;
        return text;
    }

    /// <summary>The text of a <see cref="Fragment"/> writer (without the document's final line break).</summary>
    public string ToFragment() => _text.ToString();

    private JsonWriter Start(string? name, char bracket)
    {
        BeginValue(name);
        _text.Append(bracket);
        _hasItems.Push(false);
        _depth++;
        return this;
    }

    private JsonWriter End(char bracket)
    {
        _depth--;
        if (_hasItems.Pop())
        {
            NewLine();
        }

        _text.Append(bracket);
        return this;
    }

    private JsonWriter Raw(string? name, string value)
    {
        BeginValue(name);
        _text.Append(value);
        return this;
    }

    private void BeginValue(string? name)
    {
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek()) _text.Append(',');
            _hasItems.Pop();
            _hasItems.Push(true);
            NewLine();
        }

        if (name is not null)
        {
            _text.Append(Quote(name)).Append(": ");
        }
    }

    private void NewLine() => _text.Append('\n').Append(' ', _depth * 2);

    /// <summary>
    /// A JSON string (also a YAML double-quoted scalar). Control characters (C0, DEL, C1), the line and paragraph
    /// separators, the BOM and the non-characters U+FFFE/U+FFFF are written as <c>\uXXXX</c>, so that neither a JSON
    /// nor a YAML 1.1 reader changes or refuses them; a lone surrogate becomes U+FFFD (no UTF-8 file can hold it).
    /// </summary>
    public static string Quote(string value)
    {
        value = UnicodeText.WellFormed(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || NeedsUnicodeEscape(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Characters other than C0 that <see cref="Quote"/> writes as <c>\uXXXX</c>.</summary>
    public static bool NeedsUnicodeEscape(char c) =>
        (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff';
}
