using System.IO.Enumeration;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>The lake files of one source: those under its prefix whose name matches its file_pattern, in name order.</summary>
public static class LakeFiles
{
    public static IReadOnlyList<string> Of(string lakeRoot, SourceSpec source)
    {
        string folder = LakeLayout.FullPath(lakeRoot, source.Prefix.TrimEnd('/'));
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder)
            .Where(f => FileSystemName.MatchesSimpleExpression(source.FilePattern, Path.GetFileName(f), ignoreCase: false))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
