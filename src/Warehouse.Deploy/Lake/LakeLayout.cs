using System.Text.RegularExpressions;

namespace Warehouse.Deploy.Lake;

/// <summary>
/// The lake mirrors the S3 bucket: <c>landing/&lt;source&gt;/&lt;file&gt;.csv</c>, where the source folder is the file name
/// without its _batchN suffix (landing/dim_accounts/dim_accounts_batch2.csv), matching the Banking sources' prefixes.
/// </summary>
public static partial class LakeLayout
{
    public const string LandingFolder = "landing";

    [GeneratedRegex(@"^(?<source>.+?)(?:_batch\d+)?$")]
    private static partial Regex SourceName();

    public static string SourceFolderOf(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        return SourceName().Match(stem).Groups["source"].Value;
    }

    /// <summary>Where a lake file with this name lives, relative to the lake root ('/' separators).</summary>
    public static string RelativePathOf(string fileName) =>
        $"{LandingFolder}/{SourceFolderOf(fileName)}/{fileName}";

    public static string FullPath(string lakeRoot, string relativePath) =>
        Path.Combine(lakeRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The path relative to the lake root with '/' separators: the value of bronze's <c>_source_file</c>.</summary>
    public static string RelativeTo(string lakeRoot, string fullPath) =>
        Path.GetRelativePath(lakeRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The lake counts as empty when it has no file under landing/ at all (first deploy generates one).</summary>
    public static bool IsEmpty(string lakeRoot)
    {
        string landing = Path.Combine(lakeRoot, LandingFolder);
        return !Directory.Exists(landing) || !Directory.EnumerateFiles(landing, "*", SearchOption.AllDirectories).Any();
    }
}
