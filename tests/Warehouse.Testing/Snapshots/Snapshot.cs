using System.Runtime.CompilerServices;

namespace Warehouse.Testing.Snapshots;

/// <summary>
/// Snapshot assertions with Verify.Xunit's file conventions: <c>&lt;TestClass&gt;.&lt;Name&gt;.verified.&lt;ext&gt;</c>
/// beside the calling test's source file (or in <c>folder</c> below it). TestClass is the source file's name, so keep
/// one test class per file. Name defaults to the calling test method.
/// </summary>
public static class Snapshot
{
    /// <summary>Verifies <paramref name="content"/> against one snapshot file with the given extension (e.g. "sql").</summary>
    public static void Verify(
        string content,
        string extension,
        string? name = null,
        string? folder = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string member = "") =>
        SnapshotVerifier.FromEnvironment().VerifyFile(
            content,
            new SnapshotFile(SnapshotDirectory(sourceFile, folder), Stem(sourceFile, name ?? member), extension.TrimStart('.')));

    /// <summary>
    /// Verifies every file under <paramref name="directory"/> file by file, each with its real extension, in the
    /// folder <c>&lt;TestClass&gt;.&lt;Name&gt;/</c>; verified files with no produced counterpart fail too.
    /// </summary>
    public static void VerifyDirectory(
        string directory,
        string? name = null,
        string? folder = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string member = "") =>
        SnapshotVerifier.FromEnvironment().VerifyTree(
            directory,
            Path.Combine(SnapshotDirectory(sourceFile, folder), Stem(sourceFile, name ?? member)));

    static string Stem(string sourceFile, string name) => $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}";

    static string SnapshotDirectory(string sourceFile, string? folder)
    {
        // Snapshots live in the source tree, so the compile-time path must still point at the test's source file.
        if (!File.Exists(sourceFile))
            throw new InvalidOperationException(
                $"Snapshot source file '{sourceFile}' does not exist here; run the tests from a build of this checkout.");
        var directory = Path.GetDirectoryName(sourceFile)!;
        return folder is null ? directory : Path.Combine(directory, folder);
    }
}
