using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>The lake files of one source: those under its prefix whose name matches its file_pattern, in name order.</summary>
public static class LakeFiles
{
    public static IReadOnlyList<string> Of(string lakeRoot, SourceSpec source)
    {
        string folder = LakeLayout.FullPath(lakeRoot, LakeLayout.FolderOf(source));
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder)
            .Where(f => LakeLayout.Matches(source, Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
