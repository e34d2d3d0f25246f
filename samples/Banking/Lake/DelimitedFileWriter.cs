using System.Text;

namespace Banking.Lake;

/// <summary>
/// Streams rows to a lake file in the seed's format: '|' delimited, header row, CRLF line ends, UTF-8 without BOM.
/// Writes to a temporary name first so an interrupted run never leaves a truncated file that looks complete.
/// </summary>
internal static class DelimitedFileWriter
{
    public static long Write(string path, IReadOnlyList<string> columns, IEnumerable<string[]> rows, Action<long>? progress = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".partial";
        long count = 0;
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine(string.Join(SeedSchema.Delimiter, columns));
            foreach (var row in rows)
            {
                WriteRow(writer, row, path);
                if (++count % 50_000 == 0)
                    progress?.Invoke(count);
            }
        }

        File.Move(temporary, path, overwrite: true);
        progress?.Invoke(count);
        return count;
    }

    private static void WriteRow(StreamWriter writer, string[] row, string path)
    {
        for (int i = 0; i < row.Length; i++)
        {
            // Generated values are never quoted, so one holding the delimiter or a line break would corrupt the file.
            if (row[i].AsSpan().IndexOfAny(SeedSchema.Delimiter, '\n', '\r') >= 0)
                throw new InvalidOperationException($"{path}: generated value '{row[i]}' contains a delimiter or line break");
            if (i > 0)
                writer.Write(SeedSchema.Delimiter);
            writer.Write(row[i]);
        }

        writer.WriteLine();
    }
}
