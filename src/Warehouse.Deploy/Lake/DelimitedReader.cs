using System.Text;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Streams the records of a delimited file. Fields may be double-quoted ("" escapes a quote; quoted fields may span
/// lines). An unquoted empty field reads as null, a quoted empty one as "" (DuckDB's read_csv does the same).
/// </summary>
/// <remarks>
/// Lake files are large and nearly always unquoted, so a record is read a line at a time (TextReader.ReadLine is
/// vectorised) and split on the delimiter; only a line holding a quote goes through the quote-aware scanner, which
/// pulls in further lines while a quoted field is open. This is the hot loop of the PostgreSQL bronze load.
/// </remarks>
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
        var line = reader.ReadLine();
        if (line is null)
            return null;

        Line = _nextLine++;
        _fields.Clear();
        if (line.IndexOf(Quote) < 0)
            SplitUnquoted(line);
        else
            ScanQuoted(line);
        return _fields;
    }

    private void SplitUnquoted(string line)
    {
        var start = 0;
        while (true)
        {
            var end = line.IndexOf(delimiter, start);
            var length = (end < 0 ? line.Length : end) - start;
            _fields.Add(length == 0 ? null : line.Substring(start, length));
            if (end < 0)
                return;
            start = end + 1;
        }
    }

    /// <summary>Splits a record that holds quotes; a quoted field left open at the line's end continues on the next line.</summary>
    private void ScanQuoted(string line)
    {
        var position = 0;
        while (true)
        {
            _field.Clear();
            var quoted = position < line.Length && line[position] == Quote;
            if (quoted)
            {
                position++;
                while (true)
                {
                    if (position >= line.Length)
                    {
                        var next = reader.ReadLine();
                        if (next is null)
                            break;
                        _nextLine++;
                        _field.Append('\n');
                        line = next;
                        position = 0;
                        continue;
                    }

                    var c = line[position++];
                    if (c == Quote)
                    {
                        if (position < line.Length && line[position] == Quote)
                            position++;
                        else
                            break;
                    }

                    _field.Append(c);
                }
            }

            // Anything after a closing quote up to the delimiter belongs to the field, as before.
            var end = position <= line.Length ? line.IndexOf(delimiter, Math.Min(position, line.Length)) : -1;
            var stop = end < 0 ? line.Length : end;
            if (stop > position)
                _field.Append(line, position, stop - position);
            _fields.Add(_field.Length == 0 && !quoted ? null : _field.ToString());
            if (end < 0)
                return;
            position = end + 1;
        }
    }

    public void Dispose() => reader.Dispose();
}
