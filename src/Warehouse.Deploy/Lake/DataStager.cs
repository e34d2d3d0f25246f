namespace Warehouse.Deploy.Lake;

/// <summary>Stages a flat folder of seed-named files (dim_*.csv, fact_*.csv) into the lake layout, names unchanged.</summary>
public static class DataStager
{
    /// <returns>The lake-relative paths copied.</returns>
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

        var staged = new List<string>(files.Count);
        foreach (var file in files)
        {
            string relative = LakeLayout.RelativePathOf(Path.GetFileName(file));
            string target = LakeLayout.FullPath(lakeRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WarehouseException(ExitCodes.BadInput, $"{file}: cannot be copied into the lake ({e.Message})");
            }

            staged.Add(relative);
        }

        return staged;
    }
}
