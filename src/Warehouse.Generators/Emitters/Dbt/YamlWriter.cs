using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Warehouse.Generators.Emitters.Escaping;

namespace Warehouse.Generators.Emitters.Dbt;

/// <summary>A YAML value: a mapping (keys in insertion order), a sequence or a scalar.</summary>
internal abstract class YamlNode
{
}

internal sealed class YamlMap : YamlNode
{
    public List<KeyValuePair<string, YamlNode>> Entries { get; } = new();

    /// <summary>Adds <paramref name="key"/> unless <paramref name="value"/> is null.</summary>
    public YamlMap Add(string key, YamlNode? value)
    {
        if (value is not null) Entries.Add(new KeyValuePair<string, YamlNode>(key, value));
        return this;
    }

    public YamlMap Add(string key, string? value) => value is null ? this : Add(key, YamlScalar.String(value));

    public YamlMap Add(string key, bool value) => Add(key, YamlScalar.Bool(value));

    public bool IsEmpty => Entries.Count == 0;
}

internal sealed class YamlList : YamlNode
{
    public List<YamlNode> Items { get; } = new();

    public YamlList Add(YamlNode item)
    {
        Items.Add(item);
        return this;
    }

    public static YamlList Strings(IEnumerable<string> values)
    {
        var list = new YamlList();
        foreach (var value in values) list.Add(YamlScalar.String(value));
        return list;
    }
}

/// <summary>
/// Sequence items already written by <see cref="YamlWriter.Items"/> at the indent of the sequence they are placed in,
/// so that per-node parts of a document can be written once and joined.
/// </summary>
internal sealed class YamlItems : YamlNode
{
    public YamlItems(string text) => Text = text;

    public string Text { get; }
}

/// <summary>A scalar, already spelled as YAML (quoted where a plain scalar could be misread).</summary>
internal sealed class YamlScalar : YamlNode
{
    private static readonly Regex Plain = new(@"^\+?[A-Za-z_][A-Za-z0-9_./-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Numeric = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>Plain scalars YAML 1.1 (PyYAML, dbt) or 1.2 would read as booleans or null.</summary>
    private static readonly HashSet<string> Special = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
    };

    private YamlScalar(string text) => Text = text;

    public string Text { get; }

    /// <summary>Text as a YAML string that dbt reads back exactly: Jinja-escaped (dbt renders every value), then quoted.</summary>
    public static YamlScalar String(string value) => new(Quote(JinjaText.Escape(value)));

    /// <summary>A value that is a Jinja template the compiler wrote (with any model text in it already escaped).</summary>
    public static YamlScalar Template(string jinja) => new(Quote(jinja));

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false");

    public static YamlScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number given as text: plain when it is a plain decimal number, else a quoted string.</summary>
    public static YamlScalar NumberText(string value) => Numeric.IsMatch(value) ? new YamlScalar(value) : String(value);

    /// <summary>
    /// Spells a string so that every YAML reader reads back exactly it, as a string: plain when it cannot be misread,
    /// single-quoted when nothing in it needs an escape, else double-quoted with escapes. A single-quoted scalar folds
    /// line breaks, and YAML 1.1 (PyYAML, so dbt) counts NEL (U+0085) and U+2028/U+2029 as line breaks and refuses
    /// C0, DEL, C1 and U+FFFE/U+FFFF in a stream: each of them needs the double-quoted form's escape.
    /// </summary>
    public static string Quote(string value)
    {
        if (Plain.IsMatch(value) && !Special.Contains(value)) return value;
        if (!NeedsEscape(value)) return "'" + value + "'";

        // A JSON string is a valid YAML double-quoted scalar (YAML 1.2 is a superset of JSON); JsonWriter.Quote
        // escapes every character above as \uXXXX.
        return JsonWriter.Quote(value);
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '\'' or '"' or '\\' || JsonWriter.NeedsUnicodeEscape(c) || c < ' ' || char.IsSurrogate(c)) return true;
        }

        return false;
    }
}

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block YAML: two-space indents, sequences indented under their key,
/// LF line endings, an optional comment header. Deterministic: the order is the tree's.
/// </summary>
internal static class YamlWriter
{
    public static string Write(YamlMap document, string? comment = null)
    {
        var text = new StringBuilder();
        if (comment is not null)
        {
            foreach (var line in comment.Split('\n'))
            {
                text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
            }
        }

        WriteMap(text, document, 0);
        return text.ToString();
    }

    /// <summary>The items of <paramref name="list"/> as a sequence at <paramref name="indent"/> writes them.</summary>
    public static string Items(YamlList list, int indent)
    {
        var text = new StringBuilder();
        WriteList(text, list, indent);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent)
    {
        foreach (var entry in map.Entries)
        {
            text.Append(' ', indent).Append(YamlScalar.Quote(entry.Key)).Append(':');
            WriteValue(text, entry.Value, indent);
        }
    }

    /// <summary>Writes the value after "key:" or "- ", ending the line.</summary>
    private static void WriteValue(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                text.Append(' ').Append(scalar.Text).Append('\n');
                break;
            case YamlMap { IsEmpty: true }:
                text.Append(" {}\n");
                break;
            case YamlList { Items.Count: 0 }:
                text.Append(" []\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case YamlList list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
        }
    }

    private static void WriteList(StringBuilder text, YamlList list, int indent)
    {
        foreach (var item in list.Items)
        {
            if (item is YamlItems written)
            {
                text.Append(written.Text);
                continue;
            }

            text.Append(' ', indent).Append('-');
            if (item is YamlMap { IsEmpty: false } map)
            {
                // The first entry shares the dash's line; the rest align under it.
                var first = true;
                foreach (var entry in map.Entries)
                {
                    if (!first) text.Append(' ', indent + 2);
                    else text.Append(' ');
                    first = false;
                    text.Append(YamlScalar.Quote(entry.Key)).Append(':');
                    WriteValue(text, entry.Value, indent + 2);
                }
            }
            else if (item is YamlList { Items.Count: > 0 } inner)
            {
                text.Append('\n');
                WriteList(text, inner, indent + 2);
            }
            else
            {
                WriteValue(text, item, indent);
            }
        }
    }
}
