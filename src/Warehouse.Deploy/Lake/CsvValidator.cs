using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Checks every lake file of every source before any SQL runs: the header must be the declared columns in order and
/// each row must have that many fields. Those failures cannot be quarantined by SQL, so they stop the deploy.
/// </summary>
public static class CsvValidator
{
    /// <summary>The bronze column the runner adds; it is never in a lake file.</summary>
    public const string SourceFileColumn = "_source_file";

    public static IReadOnlyList<string> ExpectedColumns(ManifestNode source) =>
        source.ColumnList.Select(c => c.Name).Where(n => n != SourceFileColumn).ToList();

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
        {
            var header = reader.Read() ?? [];
            if (!header.Select(h => h ?? "").SequenceEqual(expected, StringComparer.Ordinal))
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{path}:1: expected columns {string.Join('|', expected)} but found {string.Join('|', header)}");
        }

        while (reader.Read() is { } record)
        {
            if (record.Count != expected.Count)
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{path}:{reader.Line}: expected {expected.Count} fields but found {record.Count}");
        }
    }

    public static DelimitedReader OpenReader(string path, SourceSpec spec)
    {
        if (spec.Delimiter.Length != 1)
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
