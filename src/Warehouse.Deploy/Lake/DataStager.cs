using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// Stages a folder of data files into a lake of its own, names unchanged: each file goes under the one source whose
/// file_pattern its name matches (<see cref="LakeLayout"/>), as the manifest says, and every source needs a file.
/// The folder is flat (every file at its top) or laid out like the lake (each file already under its source's
/// prefix, e.g. a copy of another lake), or both; a file in a subfolder must sit under the prefix of the source it
/// matches. Every mismatch is reported at once, before anything is written.
/// A lake is one data set: staging refuses a lake holding files that are not byte-for-byte the folder's, because
/// bronze and silver identify files by their path in the lake, so a same-named file from another data set would
/// either overwrite the one already loaded or be skipped as already processed.
/// </summary>
public static class DataStager
{
    private const string NoSource = "matches no source";

    /// <summary>The lake --data uses when --lake is not given: lakes/&lt;folder name&gt; beside the default lake.</summary>
    public static string DefaultLakeFor(string outputDirectory, string dataFolder) =>
        Path.Combine(outputDirectory, "lakes", DataSetName(dataFolder));

    /// <summary>The data set's name: its folder's name, e.g. lakehouse-formation-data.</summary>
    public static string DataSetName(string dataFolder)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder)));
        return string.IsNullOrEmpty(name) ? "data" : name;
    }

    /// <returns>The lake-relative paths of the data set (copied now or already there).</returns>
    public static IReadOnlyList<string> Stage(string dataFolder, string lakeRoot, IReadOnlyList<ManifestNode> sources)
    {
        if (!Directory.Exists(dataFolder))
            throw new WarehouseException(ExitCodes.BadInput, $"{dataFolder}: data folder not found");

        List<string> files;
        try
        {
            // Hidden files and folders (.DS_Store, .git and the like) are the file system's, not the data set's.
            files = Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories)
                .Where(f => !LakeLayout.RelativeTo(dataFolder, f).Split('/').Any(part => part.StartsWith('.')))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{dataFolder}: cannot be read ({e.Message})");
        }

        var planned = Assign(dataFolder, files, sources);
        RefuseOtherData(dataFolder, lakeRoot, planned, sources);

        var staged = new List<string>(files.Count);
        foreach (var (relative, file) in planned.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string target = LakeLayout.FullPath(lakeRoot, relative);
            try
            {
                if (!File.Exists(target))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    string partial = target + ".partial";
                    File.Copy(file, partial, overwrite: true);
                    File.Move(partial, target);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WarehouseException(ExitCodes.BadInput, $"{file}: cannot be copied into the lake ({e.Message})");
            }

            staged.Add(relative);
        }

        return staged;
    }

    /// <summary>
    /// Lake path → data file: each file under the one source its name matches (a file in a subfolder: the one whose
    /// prefix is that subfolder). A file matching no source or several, one in another source's folder, two files for
    /// one lake path, and a source without a file make one error that lists every source with its pattern and what it got.
    /// </summary>
    private static Dictionary<string, string> Assign(string dataFolder, IReadOnlyList<string> files, IReadOnlyList<ManifestNode> sources)
    {
        var planned = new Dictionary<string, string>(StringComparer.Ordinal);
        var matched = sources.ToDictionary(s => s.Id, _ => 0, StringComparer.Ordinal);
        var strays = new List<(string File, string Problem)>();
        foreach (var file in files)
        {
            string relative = LakeLayout.RelativeTo(dataFolder, file);
            string name = Path.GetFileName(file);
            string folder = relative.Length > name.Length ? relative[..(relative.Length - name.Length - 1)] : "";
            var byName = LakeLayout.SourcesMatching(sources, name);
            var matching = folder.Length == 0 ? byName : byName.Where(s => LakeLayout.FolderOf(s.Source!) == folder).ToList();
            foreach (var source in matching)
                matched[source.Id]++;
            string? problem = matching.Count switch
            {
                1 when planned.ContainsKey(LakeLayout.RelativePathOf(matching[0].Source!, name)) =>
                    $"is a second file for {LakeLayout.RelativePathOf(matching[0].Source!, name)}",
                1 => null,
                0 when byName.Count > 0 =>
                    $"is not under the prefix of {string.Join(", ", byName.Select(s => $"{s.Id} ({s.Source!.Prefix})"))}",
                0 => NoSource,
                _ => $"matches several sources ({string.Join(", ", matching.Select(s => s.Id))})",
            };
            if (problem is null)
                planned[LakeLayout.RelativePathOf(matching[0].Source!, name)] = file;
            else
                strays.Add((relative, problem));
        }

        var empty = sources.Where(s => matched[s.Id] == 0).ToList();
        if (strays.Count == 0 && empty.Count == 0)
            return planned;

        var rows = sources.Select(s => (Name: s.Id, Pattern: s.Source!.FilePattern,
                What: matched[s.Id] switch { 0 => "no file", 1 => "1 file", var n => $"{n} files" }))
            .Concat(strays.Select(s => (Name: s.File, Pattern: "", What: s.Problem)))
            .ToList();
        int nameWidth = rows.Max(r => r.Name.Length);
        int patternWidth = rows.Max(r => r.Pattern.Length);
        int unmatched = strays.Count(s => s.Problem == NoSource);
        var problems = new List<string>();
        if (unmatched > 0)
            problems.Add($"{unmatched} file(s) match no source");
        if (strays.Count > unmatched)
            problems.Add($"{strays.Count - unmatched} file(s) do not fit one source");
        if (empty.Count > 0)
            problems.Add($"{empty.Count} source(s) have no file");
        throw new WarehouseException(ExitCodes.BadInput,
            $"{dataFolder}: {string.Join(" and ", problems)}; nothing was staged. Each file must match the file pattern of exactly one source, and each source needs a file:" +
            string.Concat(rows.Select(r => $"\n  {r.Name.PadRight(nameWidth)}  {r.Pattern.PadRight(patternWidth)}  {r.What}")));
    }

    /// <summary>Every file already in the sources' folders of the lake must be one of the data set's, with the same bytes.</summary>
    private static void RefuseOtherData(string dataFolder, string lakeRoot, IReadOnlyDictionary<string, string> planned,
        IEnumerable<ManifestNode> sources)
    {
        var existing = sources
            .Select(s => LakeLayout.FullPath(lakeRoot, LakeLayout.FolderOf(s.Source!)))
            .Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal);
        foreach (var file in existing)
        {
            string relative = LakeLayout.RelativeTo(lakeRoot, file);
            if (!planned.TryGetValue(relative, out var source))
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{lakeRoot}: the lake already holds {relative}, which is not in {dataFolder}; --data deploys a data set into a lake of its own (omit --lake, or give an empty one)");
            if (!SameBytes(source, file))
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{lakeRoot}: the lake already holds a different {relative} than {source}; --data never overwrites a lake file (omit --lake, or give an empty one)");
        }
    }

    private static bool SameBytes(string left, string right)
    {
        var a = new FileInfo(left);
        var b = new FileInfo(right);
        if (a.Length != b.Length)
            return false;
        using var x = a.OpenRead();
        using var y = b.OpenRead();
        Span<byte> bufferX = stackalloc byte[8192];
        Span<byte> bufferY = stackalloc byte[8192];
        while (true)
        {
            int read = x.ReadAtLeast(bufferX, bufferX.Length, throwOnEndOfStream: false);
            y.ReadAtLeast(bufferY[..read], read, throwOnEndOfStream: false);
            if (!bufferX[..read].SequenceEqual(bufferY[..read]))
                return false;
            if (read < bufferX.Length)
                return true;
        }
    }
}
