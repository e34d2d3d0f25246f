using System.Buffers.Binary;
using System.Text;

namespace Warehouse.Deploy.Engines;

/// <summary>
/// Writes PostgreSQL's binary COPY format (PGCOPY signature, per row a field count and length-prefixed fields, a -1
/// trailer) into a buffer flushed to the copy stream. Bronze columns are all TEXT, whose binary form is the string's
/// UTF-8 bytes, so rows are encoded here directly: Npgsql's per-field importer calls (one async state machine per
/// value) made the bronze load four times slower than `psql \copy` (benchmarks/README.md, goal 5).
/// </summary>
internal sealed class BinaryCopyWriter(Stream stream)
{
    private static readonly byte[] Signature = [.. "PGCOPY\n"u8, 0xff, (byte)'\r', (byte)'\n', 0];
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void WriteHeader()
    {
        Ensure(Signature.Length + 8);
        Signature.CopyTo(_buffer, _used);
        _used += Signature.Length;
        WriteInt32(0); // flags: no OIDs
        WriteInt32(0); // header extension length
    }

    /// <summary>One row of TEXT fields (null = SQL NULL) followed by <paramref name="last"/>.</summary>
    public void WriteRow(IReadOnlyList<string?> fields, string last)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), checked((short)(fields.Count + 1)));
        _used += 2;
        foreach (var field in fields)
            WriteText(field);
        WriteText(last);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        await stream.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
    }

    private void WriteText(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        Ensure(4 + length);
        if (4 + length > _buffer.Length)
        {
            // A field larger than the buffer goes straight to the stream after its length.
            WriteInt32(length);
            Flush();
            stream.Write(Encoding.UTF8.GetBytes(value));
            return;
        }

        WriteInt32(length);
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
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
