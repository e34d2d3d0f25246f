using System.Text;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// Writes one lake file as the source declares it: its delimiter, a header when it has one, "\n" line ends, UTF-8
/// without a byte-order mark. A field holding the delimiter, a quote or a line break is double-quoted ("" escapes a
/// quote), as <see cref="DelimitedReader"/> and the engines' CSV readers read it.
/// </summary>
public sealed class DelimitedWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly char _delimiter;

    public DelimitedWriter(string path, char delimiter)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        _delimiter = delimiter;
    }

    public void WriteRecord(IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                _writer.Write(_delimiter);
            string field = fields[i];
            if (field.AsSpan().IndexOfAny(_delimiter, '"', '\n') >= 0 || field.Contains('\r', StringComparison.Ordinal))
                _writer.Write($"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            else
                _writer.Write(field);
        }

        _writer.WriteLine();
    }

    public void Dispose() => _writer.Dispose();
}
