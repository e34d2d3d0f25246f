using System.Text;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// Writes one lake file as the source declares it: its delimiter, a header when it has one, "\n" line ends, UTF-8
/// without a byte-order mark. A field holding the delimiter, a quote or a line break is double-quoted ("" escapes a
/// quote), as <see cref="DelimitedReader"/> and the engines' CSV readers read it.
/// The rows go to <c>path.partial</c> and reach <c>path</c> only at <see cref="Commit"/>, so an interrupted run never
/// leaves a truncated file that looks complete; disposing without committing deletes the partial file.
/// </summary>
public sealed class DelimitedWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly char _delimiter;
    private readonly string _path;
    private readonly string _partialPath;
    private bool _committed;

    public DelimitedWriter(string path, char delimiter)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _path = path;
        _partialPath = path + ".partial";
        _writer = new StreamWriter(_partialPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
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

    /// <summary>Closes the file and moves it to its final name, replacing an earlier file of that name.</summary>
    public void Commit()
    {
        _writer.Dispose();
        File.Move(_partialPath, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_committed)
            File.Delete(_partialPath);
    }
}
