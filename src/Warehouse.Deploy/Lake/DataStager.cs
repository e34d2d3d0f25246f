namespace Warehouse.Deploy.Lake;

/// <summary>
/// Stages a flat folder of seed-named files (dim_*.csv, fact_*.csv) into a lake of its own, names unchanged.
/// A lake is one data set: staging refuses a lake holding files that are not byte-for-byte the folder's, because
/// bronze and silver identify files by their path in the lake, so a same-named file from another data set would
/// either overwrite the one already loaded or be skipped as already processed.
/// </summary>
public static class DataStager
{
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
    public static IReadOnlyList<string> Stage(string dataFolder, string lakeRoot)
    {
        if (!Directory.Exists(dataFolder))
            throw new WarehouseException(ExitCodes.BadInput, $"{dataFolder}: data folder not found");

        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(dataFolder, "*.csv")
                .Where(f => Path.GetFileName(f).StartsWith("dim_", StringComparison.Ordinal)
                            || Path.GetFileName(f).StartsWith("fact_", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{dataFolder}: cannot be read ({e.Message})");
        }

        if (files.Count == 0)
            throw new WarehouseException(ExitCodes.BadInput, $"{dataFolder}: no dim_*.csv or fact_*.csv file to stage");

        var planned = files.ToDictionary(f => LakeLayout.RelativePathOf(Path.GetFileName(f)), StringComparer.Ordinal);
        RefuseOtherData(dataFolder, lakeRoot, planned);

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

    /// <summary>Every file already in the lake must be one of the data set's, with the same bytes.</summary>
    private static void RefuseOtherData(string dataFolder, string lakeRoot, IReadOnlyDictionary<string, string> planned)
    {
        string landing = Path.Combine(lakeRoot, LakeLayout.LandingFolder);
        if (!Directory.Exists(landing))
            return;
        foreach (var existing in Directory.EnumerateFiles(landing, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = LakeLayout.RelativeTo(lakeRoot, existing);
            if (!planned.TryGetValue(relative, out var source))
                throw new WarehouseException(ExitCodes.BadInput,
                    $"{lakeRoot}: the lake already holds {relative}, which is not in {dataFolder}; --data deploys a data set into a lake of its own (omit --lake, or give an empty one)");
            if (!SameBytes(source, existing))
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
