using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// A small JSON value tree, so a template can be built as nested initializers and then written in one pass by
/// <see cref="JsonWriter"/>. Objects keep insertion order (the template's stable key order).
/// </summary>
internal abstract class JsonValue
{
    /// <summary>A string; null stays null, which an object treats as "leave the key out".</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator JsonValue?(string? value) => value is null ? null : new JsonString(value);

    public static implicit operator JsonValue(long value) => new JsonNumber(value);

    public static implicit operator JsonValue(bool value) => new JsonBool(value);

    /// <summary>Writes this value, named when inside an object.</summary>
    public abstract void Write(JsonWriter writer, string? name);

    /// <summary>The whole value as indented JSON text ending with a line feed.</summary>
    public string ToJson()
    {
        var writer = new JsonWriter();
        Write(writer, null);
        return writer.ToString();
    }
}

internal sealed class JsonString(string value) : JsonValue
{
    public string Value { get; } = value;

    public override void Write(JsonWriter writer, string? name)
    {
        if (name is null) writer.String(Value);
        else writer.String(name, Value);
    }
}

internal sealed class JsonNumber(long value) : JsonValue
{
    public override void Write(JsonWriter writer, string? name)
    {
        if (name is null) writer.Number(value);
        else writer.Number(name, value);
    }
}

internal sealed class JsonBool(bool value) : JsonValue
{
    public override void Write(JsonWriter writer, string? name)
    {
        if (name is null) writer.Bool(value);
        else writer.Bool(name, value);
    }
}

/// <summary>An object; setting a key to null leaves it out, setting it again replaces the value in place.</summary>
internal sealed class JsonObject : JsonValue, IEnumerable<KeyValuePair<string, JsonValue>>
{
    private readonly List<KeyValuePair<string, JsonValue>> _members = new();

    public JsonValue? this[string key]
    {
        set
        {
            var index = _members.FindIndex(m => m.Key == key);
            if (value is null)
            {
                if (index >= 0) _members.RemoveAt(index);
            }
            else if (index >= 0)
            {
                _members[index] = new KeyValuePair<string, JsonValue>(key, value);
            }
            else
            {
                _members.Add(new KeyValuePair<string, JsonValue>(key, value));
            }
        }
    }

    public int Count => _members.Count;

    public void Add(string key, JsonValue? value) => this[key] = value;

    public override void Write(JsonWriter writer, string? name)
    {
        writer.StartObject(name);
        foreach (var member in _members)
        {
            member.Value.Write(writer, member.Key);
        }

        writer.EndObject();
    }

    public IEnumerator<KeyValuePair<string, JsonValue>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed class JsonArray : JsonValue, IEnumerable<JsonValue>
{
    private readonly List<JsonValue> _items = new();

    public JsonArray()
    {
    }

    public JsonArray(IEnumerable<JsonValue> items) => _items.AddRange(items);

    public int Count => _items.Count;

    public void Add(JsonValue value) => _items.Add(value);

    public override void Write(JsonWriter writer, string? name)
    {
        writer.StartArray(name);
        foreach (var item in _items)
        {
            item.Write(writer, null);
        }

        writer.EndArray();
    }

    public IEnumerator<JsonValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
