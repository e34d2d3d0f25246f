using System.Text;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Streams the records of a delimited file. Fields may be double-quoted ("" escapes a quote; quoted fields may span
/// lines). An unquoted empty field reads as null, a quoted empty one as "" (DuckDB's read_csv does the same).
/// </summary>
public sealed class DelimitedReader(TextReader reader, char delimiter) : IDisposable
{
    private const char Quote = '"';
    private readonly List<string?> _fields = [];
    private readonly StringBuilder _field = new();
    private long _nextLine = 1;

    /// <summary>The line number where the last record read starts (1-based).</summary>
    public long Line { get; private set; }

    public static DelimitedReader Open(string path, char delimiter) =>
        new(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), delimiter);

    /// <summary>Reads the next record, or returns null at the end of the file.</summary>
    public IReadOnlyList<string?>? Read()
    {
        if (reader.Peek() < 0)
            return null;

        Line = _nextLine;
        _fields.Clear();
        while (true)
        {
            bool quoted = ReadField(out bool endOfRecord);
            _fields.Add(_field.Length == 0 && !quoted ? null : _field.ToString());
            if (endOfRecord)
                return _fields;
        }
    }

    /// <summary>Reads one field into _field; returns whether it was quoted.</summary>
    private bool ReadField(out bool endOfRecord)
    {
        _field.Clear();
        bool quoted = reader.Peek() == Quote;
        if (quoted)
        {
            reader.Read();
            ReadQuotedContent();
        }

        while (true)
        {
            int c = reader.Read();
            if (c < 0 || c == '\n')
            {
                _nextLine++;
                TrimCarriageReturn();
                endOfRecord = true;
                return quoted;
            }

            if (c == delimiter)
            {
                endOfRecord = false;
                return quoted;
            }

            _field.Append((char)c);
        }
    }

    private void ReadQuotedContent()
    {
        while (true)
        {
            int c = reader.Read();
            if (c < 0)
                return;
            if (c == Quote)
            {
                if (reader.Peek() != Quote)
                    return;
                reader.Read();
            }
            else if (c == '\n')
            {
                _nextLine++;
            }

            _field.Append((char)c);
        }
    }

    private void TrimCarriageReturn()
    {
        if (_field.Length > 0 && _field[^1] == '\r')
            _field.Length--;
    }

    public void Dispose() => reader.Dispose();
}
