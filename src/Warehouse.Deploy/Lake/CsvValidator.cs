using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Checks every lake file of every source before any SQL runs: the header must be the declared columns in order and
/// each row must have that many fields. Those failures cannot be quarantined by SQL, so they stop the deploy. Rows
/// that are not valid UTF-8 are set aside instead (<see cref="RejectedRow"/>): neither engine loads them.
/// </summary>
public static class CsvValidator
{
    /// <summary>
    /// A source's declared columns, in order: the header of its files. (The bronze file column, the manifest's
    /// <see cref="ManifestBookkeeping.SourceFileColumn"/>, is added by the scripts and never declared.)
    /// </summary>
    public static IReadOnlyList<string> ExpectedColumns(ManifestNode source) =>
        source.ColumnList.Select(c => c.Name).ToList();

    /// <summary>
    /// Reads every lake file of every source. A file that cannot be loaded (no file for a source, a wrong header, a
    /// row with the wrong number of fields, an unreadable file) stops the deploy, and all of them are reported in one
    /// error, each as <c>file:line: problem</c>, so one deploy shows every file to fix. A row that is not valid UTF-8
    /// does not stop it: it is not loaded, on any engine, and comes back in <see cref="LakeValidation.Rejected"/>.
    /// </summary>
    public static LakeValidation Validate(string lakeRoot, IEnumerable<ManifestNode> sources)
    {
        var filesBySource = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var rejected = new List<RejectedRow>();
        foreach (var node in sources)
        {
            var spec = node.Source!;
            var files = LakeFiles.Of(lakeRoot, spec);
            if (files.Count == 0)
                problems.Add($"{LakeLayout.FullPath(lakeRoot, spec.Prefix)}: no file matches {spec.FilePattern} (source {node.Id})");
            foreach (var file in files)
            {
                try
                {
                    rejected.AddRange(ValidateFile(file, spec, ExpectedColumns(node))
                        .Select(r => r with { Source = node.Id, File = LakeLayout.RelativeTo(lakeRoot, file) }));
                }
                catch (WarehouseException e) when (e.ExitCode == ExitCodes.BadInput)
                {
                    problems.Add(e.Message);
                }
            }

            filesBySource[node.Id] = files;
        }

        if (problems.Count == 1)
            throw new WarehouseException(ExitCodes.BadInput, problems[0]);
        if (problems.Count > 1)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{problems.Count} problems in the lake; nothing was run:\n" + string.Join("\n", problems.Select(p => "  " + p)));
        return new LakeValidation(filesBySource, rejected);
    }

    /// <summary>Checks one file; returns its rows that are not valid UTF-8 (<see cref="RejectedRow.Source"/> and <see cref="RejectedRow.File"/> left empty).</summary>
    public static IReadOnlyList<RejectedRow> ValidateFile(string path, SourceSpec spec, IReadOnlyList<string> expected)
    {
        var rejected = new List<RejectedRow>();
        using var reader = OpenReader(path, spec);
        if (spec.Header)
            CheckHeader(reader, path, expected);
        while (reader.Read())
        {
            CheckFieldCount(reader, path, expected.Count);
            if (reader.InvalidUtf8 is { } invalid)
                rejected.Add(new RejectedRow("", "", invalid.Line, invalid.Column, InvalidUtf8Reason(invalid.Byte)));
        }

        return rejected;
    }

    /// <summary>Why a row with invalid UTF-8 is not loaded, as the rejected-rows table and the run's warning say it.</summary>
    public static string InvalidUtf8Reason(byte value) => $"invalid UTF-8 (byte 0x{value:X2}); the row is not loaded";

    /// <summary>Reads the header record: it must be the expected columns in order.</summary>
    public static void CheckHeader(DelimitedReader reader, string path, IReadOnlyList<string> expected)
    {
        var header = reader.Read() ? reader.GetStrings() : [];
        if (reader.InvalidUtf8 is { } invalid)
            throw new WarehouseException(ExitCodes.BadInput, $"{path}:{invalid.Line}:{invalid.Column}: the header is not valid UTF-8 (byte 0x{invalid.Byte:X2})");
        if (!header.Select(h => h ?? "").SequenceEqual(expected, StringComparer.Ordinal))
            throw new WarehouseException(ExitCodes.BadInput,
                $"{path}:1: expected columns {string.Join('|', expected)} but found {string.Join('|', header)}");
    }

    /// <summary>The reader's current record must have one field per expected column, and well-formed quotes.</summary>
    public static void CheckFieldCount(DelimitedReader reader, string path, int expected)
    {
        if (reader.QuoteProblem is { } problem)
            throw new WarehouseException(ExitCodes.BadInput, $"{path}:{reader.Line}: {problem}");
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

/// <summary>The lake's files by source, ready to load, and the rows no engine loads.</summary>
public sealed record LakeValidation(IReadOnlyDictionary<string, IReadOnlyList<string>> FilesBySource, IReadOnlyList<RejectedRow> Rejected)
{
    public static readonly LakeValidation None = new(new Dictionary<string, IReadOnlyList<string>>(), []);
}

/// <summary>
/// A lake row that is not loaded: its source, lake-relative file, the line and column (1-based, in characters) of
/// the first invalid byte, and why.
/// </summary>
public sealed record RejectedRow(string Source, string File, long Line, int Column, string Reason)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Reason}";
}
