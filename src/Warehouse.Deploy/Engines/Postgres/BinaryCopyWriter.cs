using System.Buffers.Binary;
using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Engines.Postgres;

/// <summary>
/// Writes PostgreSQL's binary COPY format (PGCOPY signature, per row a field count and length-prefixed fields, a -1
/// trailer) into a buffer flushed to the copy stream. Bronze columns are all TEXT, whose binary form is the text's
/// UTF-8 bytes: a lake file's field bytes, as <see cref="DelimitedReader"/> splits them, are copied in unchanged, so
/// no field becomes a string and nothing is re-encoded. Npgsql's per-field importer calls (one async state machine
/// per value) made the bronze load four times slower than `psql \copy` (benchmarks/README.md, goal 5).
/// </summary>
internal sealed class BinaryCopyWriter(Stream stream)
{
    private static readonly byte[] Signature = [.. "PGCOPY\n"u8, 0xff, (byte)'\r', (byte)'\n', 0];

    // Large writes: each flush is one CopyData message and one socket write, and the server parses while we fill
    // the next buffer.
    private readonly byte[] _buffer = new byte[1 << 18];
    private int _used;

    public void WriteHeader()
    {
        Ensure(Signature.Length + 8);
        Signature.CopyTo(_buffer, _used);
        _used += Signature.Length;
        WriteInt32(0); // flags: no OIDs
        WriteInt32(0); // header extension length
    }

    /// <summary>The reader's current record (null fields are SQL NULL), then <paramref name="row"/> as a BIGINT field.</summary>
    public void WriteRow(DelimitedReader record, long row)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), checked((short)(record.FieldCount + 1)));
        _used += 2;
        for (var i = 0; i < record.FieldCount; i++)
        {
            if (record.IsNull(i))
                WriteInt32(-1);
            else
                WriteText(record.GetUtf8(i));
        }

        // A BIGINT's binary form: its length (8), then the value big-endian.
        Ensure(12);
        WriteInt32(sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), row);
        _used += sizeof(long);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        await stream.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        Ensure(4 + utf8.Length);
        WriteInt32(utf8.Length);
        if (utf8.Length > _buffer.Length - _used)
        {
            // A field larger than the buffer goes straight to the stream after its length.
            Flush();
            stream.Write(utf8);
            return;
        }

        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    private void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes > _buffer.Length)
            Flush();
    }

    private void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
