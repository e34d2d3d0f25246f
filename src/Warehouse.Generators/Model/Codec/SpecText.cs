using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Warehouse.Generators.Model.Codec;

/// <summary>
/// Writes the compact text that carries a resolved spec out of the compiler: a sequence of tokens, each either
/// <c>~</c> (null) or <c>LENGTH:TEXT</c> (a netstring: the length in UTF-16 code units, so any text, quotes and
/// newlines included, goes through unescaped and the reader never scans for a delimiter). Numbers, flags and
/// enums are written as their invariant text. Fields are positional: <see cref="NodeSpecCodec"/> writes and
/// reads them in one order, and the text starts with <see cref="NodeSpecCodec.Format"/> so a reader of another
/// version refuses it instead of misreading it.
/// </summary>
internal sealed class SpecWriter
{
    private readonly StringBuilder _text = new(1024);

    public SpecWriter String(string? value)
    {
        if (value is null) _text.Append('~');
        else _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        return this;
    }

    public SpecWriter Int(int value) => String(value.ToString(CultureInfo.InvariantCulture));

    public SpecWriter Bool(bool value) => String(value ? "1" : "0");

    public SpecWriter Char(char value) => String(value.ToString());

    /// <summary>A count followed by each item; the reader reads the same count back (<see cref="SpecReader.List{T}"/>).</summary>
    public SpecWriter List<T>(IReadOnlyCollection<T> items, Action<SpecWriter, T> write)
    {
        Int(items.Count);
        foreach (var item in items) write(this, item);
        return this;
    }

    public SpecWriter Strings(IReadOnlyCollection<string> items) => List(items, static (w, s) => w.String(s));

    /// <summary>A present flag, then the value: lets a nullable record be told from one with all-null fields.</summary>
    public SpecWriter Type(SqlType type) => Int((int)type.Kind).Int(type.Length).Int(type.Precision).Int(type.Scale);

    public SpecWriter Optional<T>(T? value, Action<SpecWriter, T> write)
        where T : class
    {
        Bool(value is not null);
        if (value is not null) write(this, value);
        return this;
    }

    public override string ToString() => _text.ToString();
}

/// <summary>Reads what <see cref="SpecWriter"/> wrote; any deviation is a <see cref="FormatException"/> naming the position.</summary>
internal sealed class SpecReader
{
    private readonly string _text;
    private int _position;

    public SpecReader(string text) => _text = text;

    public bool AtEnd => _position == _text.Length;

    public string? NullableString()
    {
        if (_position >= _text.Length) throw Error("a value was expected, the text ended");
        if (_text[_position] == '~')
        {
            _position++;
            return null;
        }

        var length = 0;
        var start = _position;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
        {
            length = checked((length * 10) + (_text[_position] - '0'));
            _position++;
        }

        if (_position == start || _position >= _text.Length || _text[_position] != ':') throw Error("a LENGTH:TEXT token was expected");
        _position++;
        if (length > _text.Length - _position) throw Error($"a token of {length} characters runs past the end");
        var value = _text.Substring(_position, length);
        _position += length;
        return value;
    }

    public string String() => NullableString() ?? throw Error("a value was expected, not null");

    public int Int() => int.TryParse(String(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw Error("an integer was expected");

    public bool Bool() => String() switch
    {
        "1" => true,
        "0" => false,
        _ => throw Error("a flag (0 or 1) was expected"),
    };

    public char Char()
    {
        var text = String();
        return text.Length == 1 ? text[0] : throw Error("a single character was expected");
    }

    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var value = Int();
        var result = (TEnum)System.Enum.ToObject(typeof(TEnum), value);
        return System.Enum.IsDefined(typeof(TEnum), result) ? result : throw Error($"{value} is no {typeof(TEnum).Name}");
    }

    public List<T> List<T>(Func<SpecReader, T> read)
    {
        var count = Int();
        if (count < 0) throw Error("a negative count");
        var items = new List<T>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++) items.Add(read(this));
        return items;
    }

    public EquatableArray<T> Array<T>(Func<SpecReader, T> read)
        where T : IEquatable<T> => List(read).ToEquatableArray();

    public EquatableArray<string> Strings() => Array(static r => r.String());

    public T? Optional<T>(Func<SpecReader, T> read)
        where T : class => Bool() ? read(this) : null;

    public FormatException Error(string problem) => new($"spec text at character {_position}: {problem}");
}
