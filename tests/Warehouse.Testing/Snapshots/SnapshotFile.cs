namespace Warehouse.Testing.Snapshots;

/// <summary>
/// One snapshot's pair of paths, Verify-style: <c>Stem.verified.ext</c> (committed) and <c>Stem.received.ext</c>
/// (written on mismatch, git-ignored). Keeping the real extension lets editors and diff tools highlight the content.
/// </summary>
public sealed record SnapshotFile(string Directory, string Stem, string Extension)
{
    public string VerifiedPath => Path.Combine(Directory, FileName("verified"));

    public string ReceivedPath => Path.Combine(Directory, FileName("received"));

    /// <summary>The snapshot for a file of a verified tree, e.g. <c>models/stg.sql</c> -> <c>models/stg.verified.sql</c>.</summary>
    public static SnapshotFile ForTreeEntry(string snapshotFolder, string relativePath) => new(
        Path.Combine(snapshotFolder, Path.GetDirectoryName(relativePath) ?? ""),
        Path.GetFileNameWithoutExtension(relativePath),
        Path.GetExtension(relativePath).TrimStart('.'));

    /// <summary>Whether a file name is a verified snapshot (with or without an extension).</summary>
    public static bool IsVerified(string fileName) =>
        fileName.Contains(".verified.", StringComparison.Ordinal) || fileName.EndsWith(".verified", StringComparison.Ordinal);

    string FileName(string kind) => Extension.Length == 0 ? $"{Stem}.{kind}" : $"{Stem}.{kind}.{Extension}";
}
