using System.Text;
using System.Text.Unicode;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Streams the records of a delimited file as UTF-8 bytes. Fields may be double-quoted ("" escapes a quote; quoted
/// fields may span lines, joined by "\n"). An unquoted empty field reads as null, a quoted empty one as "" (DuckDB's
/// read_csv does the same). Lines end at "\n", "\r\n" or "\r".
/// </summary>
/// <remarks>
/// This is the hot loop of the PostgreSQL bronze load, whose binary COPY wants each field's UTF-8 bytes: the file is
/// read in large blocks and split in place, so an unquoted field is a slice of the read buffer, never a string.
/// Only a line holding a quote goes through the quote-aware scanner, which copies the unescaped fields into a side
/// buffer and pulls in further lines while a quoted field is open. Text is what a UTF-8 StreamReader would decode: a
/// byte order mark is skipped (a UTF-16 or UTF-32 one selects that encoding, transcoded to UTF-8), and a line that
/// is not valid UTF-8 has its invalid bytes replaced by U+FFFD.
/// </remarks>
public sealed class DelimitedReader : IDisposable
{
    private const byte Quote = (byte)'"';
    private const int BlockSize = 1 << 18;

    private readonly Stream _stream;
    private readonly byte[] _delimiter;

    // File bytes; [_position, _end) is read but not yet consumed. Grows when a line does not fit.
    private byte[] _buffer = new byte[BlockSize];
    private int _position;
    private int _end;
    private bool _endOfStream;

    // How far past _position the current line was already searched for its end before the buffer was refilled.
    private int _searched;

    // The previous line ended with "\r" at the end of the buffered bytes: a "\n" read next belongs to that line end.
    private bool _lineFeedMayFollow;

    // A line with invalid UTF-8, re-encoded with U+FFFD replacements.
    private byte[] _repaired = [];

    // The unescaped fields of a record with quotes.
    private byte[] _unquoted = new byte[256];
    private int _unquotedUsed;

    // The current record: each field is a (start, length) range of _record; length -1 is a null field.
    private byte[] _record = [];
    private (int Start, int Length)[] _fields = new (int, int)[16];
    private long _nextLine = 1;

    /// <param name="stream">A seekable stream, so a byte order mark can be looked at before reading.</param>
    public DelimitedReader(Stream stream, char delimiter)
    {
        if (char.IsSurrogate(delimiter))
            throw new ArgumentException("the delimiter must be one character, not half a surrogate pair", nameof(delimiter));
        _delimiter = Encoding.UTF8.GetBytes(new string(delimiter, 1));
        _stream = SkipByteOrderMark(stream);
    }

    /// <summary>The line number where the last record read starts (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>
    /// Where the current record first breaks UTF-8: the physical line, the column (1-based, in characters of the valid
    /// text before it) and the byte; null when the record is valid. Its text reads with U+FFFD in place of bad bytes.
    /// </summary>
    public (long Line, int Column, byte Byte)? InvalidUtf8 { get; private set; }

    /// <summary>
    /// What is wrong with the current record's quotes, or null: text between a closing quote and the delimiter, or a
    /// quoted field still open at the end of the file. The reader still splits such a record (the text joins the
    /// field), but engines do not agree on it, so the lake validation refuses the file.
    /// </summary>
    public string? QuoteProblem { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    public static DelimitedReader Open(string path, char delimiter) =>
        // No FileStream buffer: the reader asks for large blocks itself.
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan), delimiter);

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        InvalidUtf8 = null;
        QuoteProblem = null;
        if (!TryReadLine(out var array, out var start, out var length))
            return false;

        Line = _nextLine++;
        FieldCount = 0;
        if (array.AsSpan(start, length).IndexOf(Quote) < 0)
            SplitUnquoted(array, start, length);
        else
            ScanQuoted(array, start, length);
        return true;
    }

    public bool IsNull(int field) => Field(field).Length < 0;

    /// <summary>The field's UTF-8 bytes (empty for null); valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> GetUtf8(int field)
    {
        var (start, length) = Field(field);
        return length < 0 ? [] : _record.AsSpan(start, length);
    }

    public string? GetString(int field) => IsNull(field) ? null : Encoding.UTF8.GetString(GetUtf8(field));

    /// <summary>The current record's fields as strings (for headers and messages, not the load).</summary>
    public string?[] GetStrings()
    {
        var strings = new string?[FieldCount];
        for (var i = 0; i < strings.Length; i++)
            strings[i] = GetString(i);
        return strings;
    }

    public void Dispose() => _stream.Dispose();

    private (int Start, int Length) Field(int field)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)field, (uint)FieldCount, nameof(field));
        return _fields[field];
    }

    private void SplitUnquoted(byte[] array, int start, int length)
    {
        _record = array;
        var end = start + length;
        while (true)
        {
            var found = IndexOfDelimiter(array.AsSpan(start, end - start));
            var fieldLength = found < 0 ? end - start : found;
            AddField(start, fieldLength == 0 ? -1 : fieldLength);
            if (found < 0)
                return;
            start += found + _delimiter.Length;
        }
    }

    /// <summary>Splits a record that holds quotes; a quoted field left open at the line's end continues on the next line.</summary>
    private void ScanQuoted(byte[] array, int start, int length)
    {
        _unquotedUsed = 0;
        var line = array.AsSpan(start, length);
        var position = 0;
        while (true)
        {
            var fieldStart = _unquotedUsed;
            var quoted = position < line.Length && line[position] == Quote;
            if (quoted)
            {
                position++;
                while (true)
                {
                    if (position >= line.Length)
                    {
                        // Everything of this line is copied out, so reading the next one may move the buffer.
                        if (!TryReadLine(out array, out start, out length))
                        {
                            QuoteProblem ??= "a quoted field is still open at the end of the file";
                            break;
                        }

                        _nextLine++;
                        AppendUnquoted("\n"u8);
                        line = array.AsSpan(start, length);
                        position = 0;
                        continue;
                    }

                    var quote = line[position..].IndexOf(Quote);
                    if (quote < 0)
                    {
                        AppendUnquoted(line[position..]);
                        position = line.Length;
                        continue;
                    }

                    AppendUnquoted(line.Slice(position, quote));
                    position += quote + 1;
                    if (position < line.Length && line[position] == Quote)
                    {
                        AppendUnquoted([Quote]);
                        position++;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            // Anything after a closing quote up to the delimiter belongs to the field.
            var found = IndexOfDelimiter(line[position..]);
            if (quoted && found != 0 && position < line.Length)
                QuoteProblem ??= "text after a closing quote";
            var stop = found < 0 ? line.Length : position + found;
            AppendUnquoted(line[position..stop]);
            var fieldLength = _unquotedUsed - fieldStart;
            AddField(fieldStart, fieldLength == 0 && !quoted ? -1 : fieldLength);
            if (found < 0)
                break;
            position = stop + _delimiter.Length;
        }

        _record = _unquoted;
    }

    private int IndexOfDelimiter(ReadOnlySpan<byte> text) =>
        _delimiter.Length == 1 ? text.IndexOf(_delimiter[0]) : text.IndexOf(_delimiter);

    private void AddField(int start, int length)
    {
        if (FieldCount == _fields.Length)
            Array.Resize(ref _fields, _fields.Length * 2);
        _fields[FieldCount++] = (start, length);
    }

    private void AppendUnquoted(ReadOnlySpan<byte> bytes)
    {
        if (_unquotedUsed + bytes.Length > _unquoted.Length)
            Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, _unquotedUsed + bytes.Length));
        bytes.CopyTo(_unquoted.AsSpan(_unquotedUsed));
        _unquotedUsed += bytes.Length;
    }

    /// <summary>The next line without its line end, as valid UTF-8 in <paramref name="array"/>; false at the end of the file.</summary>
    private bool TryReadLine(out byte[] array, out int start, out int length)
    {
        while (true)
        {
            if (_lineFeedMayFollow)
            {
                if (_position == _end && !_endOfStream)
                {
                    Fill();
                    continue;
                }

                if (_position < _end && _buffer[_position] == (byte)'\n')
                    _position++;
                _lineFeedMayFollow = false;
            }

            var from = _position + _searched;
            var found = _buffer.AsSpan(from, _end - from).IndexOfAny((byte)'\n', (byte)'\r');
            int lineEnd;
            if (found >= 0)
            {
                lineEnd = from + found;
            }
            else if (_endOfStream)
            {
                if (_position == _end)
                {
                    (array, start, length) = ([], 0, 0);
                    return false;
                }

                lineEnd = _end;
            }
            else
            {
                _searched = _end - _position;
                Fill();
                continue;
            }

            (array, start, length) = (_buffer, _position, lineEnd - _position);
            _searched = 0;
            _position = lineEnd;
            if (lineEnd < _end)
            {
                _position++;
                if (_buffer[lineEnd] == (byte)'\r')
                    _lineFeedMayFollow = true;
            }

            if (!Utf8.IsValid(array.AsSpan(start, length)))
            {
                // The line being read is _nextLine: Read and the quoted-field scanner count it only after this returns.
                InvalidUtf8 ??= FirstInvalid(_nextLine, array.AsSpan(start, length));
                (array, start, length) = Repair(array.AsSpan(start, length));
            }
            return true;
        }
    }

    private static (long Line, int Column, byte Byte) FirstInvalid(long line, ReadOnlySpan<byte> text)
    {
        var offset = 0;
        var column = 1;
        while (Rune.DecodeFromUtf8(text[offset..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
            column += rune.Utf16SequenceLength;
        }

        return (line, column, text[offset]);
    }

    /// <summary>Replaces invalid UTF-8 with U+FFFD, as decoding with Encoding.UTF8 (what a StreamReader does) would.</summary>
    private (byte[] Array, int Start, int Length) Repair(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        var length = Encoding.UTF8.GetByteCount(text);
        if (_repaired.Length < length)
            _repaired = new byte[Math.Max(length, 2 * _repaired.Length)];
        Encoding.UTF8.GetBytes(text, _repaired);
        return (_repaired, 0, length);
    }

    /// <summary>Moves the unconsumed bytes to the front (growing the buffer if a line fills it) and reads a block.</summary>
    private void Fill()
    {
        var pending = _end - _position;
        if (pending == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_position > 0)
            _buffer.AsSpan(_position, pending).CopyTo(_buffer);
        _position = 0;
        _end = pending;

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfStream = true;
        _end += read;
    }

    /// <summary>
    /// Positions the stream after a byte order mark, detected as StreamReader does; a UTF-16 or UTF-32 file is read
    /// through a transcoding stream so the reader always sees UTF-8.
    /// </summary>
    private static Stream SkipByteOrderMark(Stream stream)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("the stream must be seekable", nameof(stream));
        var origin = stream.Position;
        Span<byte> head = stackalloc byte[4];
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        (Encoding? Encoding, int Length) mark = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (null, 3),
            [0xFF, 0xFE, 0, 0] => (Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0, 0, 0xFE, 0xFF] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
            _ => (null, 0),
        };
        stream.Position = origin + mark.Length;
        return mark.Encoding is null ? stream : Encoding.CreateTranscodingStream(stream, mark.Encoding, Encoding.UTF8);
    }
}
