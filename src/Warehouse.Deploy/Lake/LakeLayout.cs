using System.IO.Enumeration;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// The lake mirrors the S3 bucket, as the manifest lays it out: a source's files lie directly under its prefix, and a
/// file belongs to the source whose file_pattern its name matches (landing/orders/ holding orders_2024.csv for
/// <c>orders*.csv</c>). The manifest is the only naming rule: no file name is guessed from another.
/// </summary>
public static class LakeLayout
{
    /// <summary>The source's folder relative to the lake root: its prefix without the trailing '/'.</summary>
    public static string FolderOf(SourceSpec source) => source.Prefix.Trim('/');

    /// <summary>Whether a file name (without folder) matches the source's file_pattern: <c>*</c> and <c>?</c>, case-sensitive like S3 keys.</summary>
    public static bool Matches(SourceSpec source, string fileName) =>
        FileSystemName.MatchesSimpleExpression(source.FilePattern, fileName, ignoreCase: false);

    /// <summary>The source nodes whose file_pattern the file name matches, in manifest order.</summary>
    public static IReadOnlyList<ManifestNode> SourcesMatching(IEnumerable<ManifestNode> sources, string fileName) =>
        sources.Where(s => Matches(s.Source!, fileName)).ToList();

    /// <summary>Where a file of this source with this name lives, relative to the lake root ('/' separators).</summary>
    public static string RelativePathOf(SourceSpec source, string fileName) =>
        FolderOf(source) is { Length: > 0 } folder ? $"{folder}/{fileName}" : fileName;

    /// <summary>
    /// Where a file with this name lives: under the one source whose file_pattern it matches. For generators, which
    /// name their files; a name that matches no source or several is refused, naming every source's pattern.
    /// </summary>
    public static string RelativePathOf(IEnumerable<ManifestNode> sources, string fileName)
    {
        var all = sources.ToList();
        var matching = SourcesMatching(all, fileName);
        return matching.Count switch
        {
            1 => RelativePathOf(matching[0].Source!, fileName),
            0 => throw new WarehouseException(ExitCodes.BadInput,
                $"{fileName} matches the file pattern of no source of this model ({Patterns(all)})"),
            _ => throw new WarehouseException(ExitCodes.BadInput,
                $"{fileName} matches the file pattern of several sources ({Patterns(matching)}); each file must belong to one"),
        };
    }

    /// <summary>"bronze.orders landing/orders/orders*.csv, …": each source with where its files go.</summary>
    public static string Patterns(IEnumerable<ManifestNode> sources) =>
        string.Join(", ", sources.Select(s => $"{s.Id} {Pattern(s.Source!)}"));

    /// <summary>The prefix and file_pattern together: landing/orders/orders*.csv.</summary>
    public static string Pattern(SourceSpec source) => RelativePathOf(source, source.FilePattern);

    public static string FullPath(string lakeRoot, string relativePath) =>
        Path.Combine(lakeRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The path relative to the lake root with '/' separators: the value of bronze's <c>_source_file</c>.</summary>
    public static string RelativeTo(string lakeRoot, string fullPath) =>
        Path.GetRelativePath(lakeRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The lake counts as empty when no source has a file in it (a first deploy then generates batch 1).</summary>
    public static bool IsEmpty(string lakeRoot, IEnumerable<ManifestNode> sources) =>
        sources.All(s => LakeFiles.Of(lakeRoot, s.Source!).Count == 0);
}
