using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Checks every lake file of every source before any SQL runs: the header must be the declared columns in order and
/// each row must have that many fields. Those failures cannot be quarantined by SQL, so they stop the deploy.
/// </summary>
public static class CsvValidator
{
    /// <summary>
    /// A source's declared columns, in order: the header of its files. (The bronze file column, the manifest's
    /// <see cref="ManifestBookkeeping.SourceFileColumn"/>, is added by the scripts and never declared.)
    /// </summary>
    public static IReadOnlyList<string> ExpectedColumns(ManifestNode source) =>
        source.ColumnList.Select(c => c.Name).ToList();

    /// <returns>The files of each source, ready to load.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(string lakeRoot, IEnumerable<ManifestNode> sources)
    {
        var filesBySource = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var node in sources)
        {
            var spec = node.Source!;
            var files = LakeFiles.Of(lakeRoot, spec);
            if (files.Count == 0)
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{LakeLayout.FullPath(lakeRoot, spec.Prefix)}: no file matches {spec.FilePattern} (source {node.Id})");
            foreach (var file in files)
                ValidateFile(file, spec, ExpectedColumns(node));
            filesBySource[node.Id] = files;
        }

        return filesBySource;
    }

    public static void ValidateFile(string path, SourceSpec spec, IReadOnlyList<string> expected)
    {
        using var reader = OpenReader(path, spec);
        if (spec.Header)
            CheckHeader(reader, path, expected);
        while (reader.Read())
            CheckFieldCount(reader, path, expected.Count);
    }

    /// <summary>Reads the header record: it must be the expected columns in order.</summary>
    public static void CheckHeader(DelimitedReader reader, string path, IReadOnlyList<string> expected)
    {
        var header = reader.Read() ? reader.GetStrings() : [];
        if (!header.Select(h => h ?? "").SequenceEqual(expected, StringComparer.Ordinal))
            throw new WarehouseException(ExitCodes.BadInput,
                $"{path}:1: expected columns {string.Join('|', expected)} but found {string.Join('|', header)}");
    }

    /// <summary>The reader's current record must have one field per expected column.</summary>
    public static void CheckFieldCount(DelimitedReader reader, string path, int expected)
    {
        if (reader.FieldCount != expected)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{path}:{reader.Line}: expected {expected} fields but found {reader.FieldCount}");
    }

    public static DelimitedReader OpenReader(string path, SourceSpec spec)
    {
        if (spec.Delimiter.Length != 1 || char.IsSurrogate(spec.Delimiter[0]))
            throw new WarehouseException(ExitCodes.BadInput, $"{path}: delimiter '{spec.Delimiter}' must be one character");
        try
        {
            return DelimitedReader.Open(path, spec.Delimiter[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{path}: cannot be read ({e.Message})");
        }
    }
}
