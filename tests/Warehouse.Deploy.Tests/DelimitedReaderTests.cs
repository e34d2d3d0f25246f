using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Tests;

/// <summary>The lake file reader: the fast unquoted path and the quote-aware path must agree on every rule.</summary>
public sealed class DelimitedReaderTests
{
    [Fact]
    public void Reads_fields_nulls_quotes_and_line_numbers()
    {
        const string text = "id|name|note\r\n1|Ann|\r\n2||\"\"\n3|\"O\"\"Hara\"|\"two\nlines\"\n4|\"a|b\"|x\n";
        using var reader = new DelimitedReader(new StringReader(text), '|');

        Assert.Equal(new string?[] { "id", "name", "note" }, reader.Read());
        Assert.Equal(new string?[] { "1", "Ann", null }, reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.Equal(new string?[] { "2", null, "" }, reader.Read());
        Assert.Equal(new string?[] { "3", "O\"Hara", "two\nlines" }, reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.Equal(new string?[] { "4", "a|b", "x" }, reader.Read());
        Assert.Equal(6, reader.Line);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void An_unclosed_quote_ends_with_the_file()
    {
        using var reader = new DelimitedReader(new StringReader("1|\"open\n"), '|');
        Assert.Equal(new string?[] { "1", "open" }, reader.Read());
        Assert.Null(reader.Read());
    }
}
