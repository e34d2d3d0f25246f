using System.Text;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The lake file reader: the fast unquoted path and the quote-aware path must agree on every rule, whatever the
/// read sizes (lines, quoted fields, CRLF and multi-byte characters split across reads).
/// </summary>
public sealed class DelimitedReaderTests
{
    private const string Mixed = "id|name|note\r\n1|Ann|\r\n2||\"\"\n3|\"O\"\"Hara\"|\"two\r\nlines\"\n4|\"a|b\"|x\n";

    private static readonly string?[][] MixedRecords =
    [
        ["id", "name", "note"],
        ["1", "Ann", null],
        ["2", null, ""],
        ["3", "O\"Hara", "two\nlines"],
        ["4", "a|b", "x"],
    ];

    [Fact]
    public void Reads_fields_nulls_quotes_and_line_numbers()
    {
        using var reader = new DelimitedReader(new MemoryStream(Encoding.UTF8.GetBytes(Mixed)), '|');

        var lines = new List<long>();
        var records = new List<string?[]>();
        while (reader.Read())
        {
            records.Add(reader.GetStrings());
            lines.Add(reader.Line);
        }

        AssertRecords(MixedRecords, records);
        Assert.Equal(new long[] { 1, 2, 3, 4, 6 }, lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Records_do_not_depend_on_how_the_file_is_read(int bytesPerRead)
    {
        AssertRecords(MixedRecords, ReadAll(Encoding.UTF8.GetBytes(Mixed), '|', bytesPerRead));

        // "é", "–" and "✓" are 2 and 3 bytes: small reads split them, and a lone CR is a line end as well.
        const string text = "Épargne|Zoë ✓\r\"– x\"|\r\r\n|é";
        AssertRecords([["Épargne", "Zoë ✓"], ["– x", null], [null], [null, "é"]], ReadAll(Encoding.UTF8.GetBytes(text), '|', bytesPerRead));
    }

    [Fact]
    public void Fields_longer_than_the_read_buffer_are_whole()
    {
        string plain = new('x', 700_000);
        string quoted = string.Concat(Enumerable.Repeat("ab\"\"c|\r\n", 60_000));
        string text = $"1|{plain}|2\n\"{quoted}\"|3\n";

        var records = ReadAll(Encoding.UTF8.GetBytes(text), '|', int.MaxValue);

        AssertRecords([["1", plain, "2"], [quoted.Replace("\"\"", "\"", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal), "3"]], records);
    }

    [Fact]
    public void An_unclosed_quote_ends_with_the_file()
    {
        AssertRecords([["1", "open"]], ReadAll("1|\"open\n"u8.ToArray(), '|', int.MaxValue));
        AssertRecords([["1", "open\nmore"]], ReadAll("1|\"open\nmore"u8.ToArray(), '|', int.MaxValue));
    }

    [Fact]
    public void Empty_lines_and_files()
    {
        Assert.Empty(ReadAll([], '|', int.MaxValue));
        AssertRecords([["a"], [null], ["b"]], ReadAll("a\n\nb\n"u8.ToArray(), '|', int.MaxValue));
    }

    [Fact]
    public void Byte_order_marks_are_skipped_and_utf16_is_transcoded()
    {
        const string text = "id|name\nÉ|✓\n";
        string?[][] expected = [["id", "name"], ["É", "✓"]];

        AssertRecords(expected, ReadAll([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], '|', 1));
        AssertRecords(expected, ReadAll([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], '|', int.MaxValue));
        AssertRecords(expected, ReadAll([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], '|', int.MaxValue));
        // Only at the start: a BOM further on is text (U+FEFF), as with a StreamReader.
        AssertRecords([["a"], ["\uFEFFb"]], ReadAll([.. "a\n"u8, .. Encoding.UTF8.GetPreamble(), .. "b"u8], '|', int.MaxValue));
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_like_a_stream_reader()
    {
        byte[] bytes = [.. "1|a"u8, 0xC3, .. "|"u8, 0xFF, 0xFE, .. "\n\"q"u8, 0xE2, 0x9C, .. "\"|2\n"u8];

        string decoded = new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadToEnd();

        AssertRecords([["1", "a\uFFFD", "\uFFFD\uFFFD"], ["q\uFFFD", "2"]], ReadAll(bytes, '|', 1));
        Assert.Equal("1|a\uFFFD|\uFFFD\uFFFD\n\"q\uFFFD\"|2\n", decoded);
    }

    [Fact]
    public void Invalid_utf8_is_located_by_line_column_and_byte()
    {
        // Record 2's bad byte is on its second physical line (line 3), after "é" (one character, two bytes).
        byte[] bytes = [.. "ok|x\n2|\"one\né"u8, 0xFF, .. "\"\n3|"u8, 0xC3, .. "\n4|fine\n"u8];
        using var reader = new DelimitedReader(new MemoryStream(bytes), '|');

        var found = new List<(long Line, int Column, byte Byte)?>();
        while (reader.Read())
            found.Add(reader.InvalidUtf8);

        Assert.Equal([null, (3, 2, 0xFF), (4, 3, 0xC3), null], found);
    }

    [Fact]
    public void Text_after_a_closing_quote_and_an_unclosed_quote_are_quote_problems()
    {
        using var reader = new DelimitedReader(new MemoryStream("\"a\"|b\n\"a\"x|b\n1|\"open\n"u8.ToArray()), '|');

        var problems = new List<string?>();
        while (reader.Read())
            problems.Add(reader.QuoteProblem);

        Assert.Equal([null, "text after a closing quote", "a quoted field is still open at the end of the file"], problems);
    }

    [Fact]
    public void A_multi_byte_delimiter_splits_on_its_utf8_bytes()
    {
        AssertRecords([["a", "b", null, "c¦d"]], ReadAll(Encoding.UTF8.GetBytes("a¦b¦¦\"c¦d\""), '¦', 2));
    }

    [Fact]
    public void Fields_are_utf8_bytes_with_null_apart_from_empty()
    {
        using var reader = new DelimitedReader(new MemoryStream("Zoë||\"\""u8.ToArray()), '|');

        Assert.True(reader.Read());
        Assert.Equal(3, reader.FieldCount);
        Assert.Equal("Zoë"u8.ToArray(), reader.GetUtf8(0).ToArray());
        Assert.True(reader.IsNull(1));
        Assert.False(reader.IsNull(2));
        Assert.Equal(0, reader.GetUtf8(2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.IsNull(3));
    }

    private static void AssertRecords(string?[][] expected, List<string?[]> actual) => Assert.Equal(expected, actual);

    private static List<string?[]> ReadAll(byte[] bytes, char delimiter, int bytesPerRead)
    {
        using var reader = new DelimitedReader(new TrickleStream(bytes, bytesPerRead), delimiter);
        var records = new List<string?[]>();
        while (reader.Read())
            records.Add(reader.GetStrings());
        return records;
    }

    /// <summary>A memory stream that returns at most a few bytes per read, as a slow disk or pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);
    }
}
