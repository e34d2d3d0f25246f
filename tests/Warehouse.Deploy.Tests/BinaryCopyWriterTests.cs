using System.Buffers.Binary;
using System.Text;
using Warehouse.Deploy.Engines.Postgres;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Tests;

/// <summary>The binary COPY stream the PostgreSQL bronze load writes, decoded back field by field.</summary>
public sealed class BinaryCopyWriterTests
{
    [Fact]
    public async Task Rows_are_length_prefixed_utf8_with_null_apart_from_empty_then_the_row_number()
    {
        // The 300,000-byte field is larger than the writer's buffer, so it bypasses it.
        string large = new('x', 300_000);
        var lake = new MemoryStream(Encoding.UTF8.GetBytes($"1|Zoë ✓||\"\"\n2|{large}|\"a\"\"b\"|c\n"));
        var copy = new MemoryStream();
        var writer = new BinaryCopyWriter(copy);
        using (var reader = new DelimitedReader(lake, '|'))
        {
            writer.WriteHeader();
            for (long row = 1; reader.Read(); row++)
                writer.WriteRow(reader, row);
            await writer.CompleteAsync(CancellationToken.None);
        }

        string?[][] expected = [["1", "Zoë ✓", null, "", "1"], ["2", large, "a\"b", "c", "2"]];
        Assert.Equal(expected, Decode(copy.ToArray()));
    }

    /// <summary>Parses PostgreSQL's binary COPY format (all fields as UTF-8 text but the last, a BIGINT shown as text).</summary>
    private static List<string?[]> Decode(byte[] copy)
    {
        byte[] signature = [.. "PGCOPY\n"u8, 0xff, (byte)'\r', (byte)'\n', 0];
        Assert.Equal(signature, copy[..11]);
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(11))); // flags
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(15))); // header extension
        var rows = new List<string?[]>();
        var position = 19;
        while (true)
        {
            short count = BinaryPrimitives.ReadInt16BigEndian(copy.AsSpan(position));
            position += 2;
            if (count == -1)
                break;
            var row = new string?[count];
            for (var i = 0; i < count; i++)
            {
                int length = BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(position));
                position += 4;
                if (length < 0)
                    continue;
                row[i] = i == count - 1
                    ? BinaryPrimitives.ReadInt64BigEndian(copy.AsSpan(position, length)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Encoding.UTF8.GetString(copy, position, length);
                position += length;
            }

            rows.Add(row);
        }

        Assert.Equal(copy.Length, position);
        return rows;
    }
}
