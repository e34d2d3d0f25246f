namespace Warehouse.Testing.Snapshots;

/// <summary>
/// Compares text against verified snapshot files. On a mismatch (or a missing verified file) it writes the
/// received file next to it and fails with a diff; in accept mode it overwrites the verified file instead.
/// Line endings are normalised to LF on both sides so a checkout with CRLF does not fail.
/// </summary>
public sealed class SnapshotVerifier(bool accept)
{
    public static SnapshotVerifier FromEnvironment() => new(TestEnvironment.AcceptSnapshots);

    public void VerifyFile(string actual, SnapshotFile snapshot)
    {
        if (Compare(actual, snapshot) is { } problem) throw new SnapshotMismatchException(problem + AcceptHint);
    }

    /// <summary>
    /// Verifies every file under <paramref name="actualRoot"/> against its own snapshot under
    /// <paramref name="snapshotFolder"/> (same relative path), and fails on verified files no actual file matches,
    /// so a file the generator stops writing is noticed. All problems are reported together.
    /// </summary>
    public void VerifyTree(string actualRoot, string snapshotFolder)
    {
        if (!Directory.Exists(actualRoot))
            throw new SnapshotMismatchException($"Directory to snapshot does not exist: {actualRoot}");

        var problems = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in Directory.EnumerateFiles(actualRoot, "*", SearchOption.AllDirectories)
                     .Select(path => Path.GetRelativePath(actualRoot, path))
                     .Order(StringComparer.Ordinal))
        {
            var snapshot = SnapshotFile.ForTreeEntry(snapshotFolder, relative);
            expected.Add(Path.GetFullPath(snapshot.VerifiedPath));
            if (Compare(File.ReadAllText(Path.Combine(actualRoot, relative)), snapshot) is { } problem) problems.Add(problem);
        }

        foreach (var stale in VerifiedFilesUnder(snapshotFolder).Where(path => !expected.Contains(path)))
        {
            if (accept) File.Delete(stale);
            else problems.Add($"Unexpected verified file {stale}: no file {Path.GetRelativePath(snapshotFolder, stale).Replace(".verified", "")} was produced.");
        }

        if (problems.Count > 0)
            throw new SnapshotMismatchException(
                $"{problems.Count} snapshot problem(s) for {actualRoot}:\n\n{string.Join("\n", problems)}{AcceptHint}");
    }

    /// <returns>null when the snapshot matches (or was accepted); otherwise what is wrong.</returns>
    string? Compare(string actual, SnapshotFile snapshot)
    {
        actual = Normalize(actual);
        var verified = File.Exists(snapshot.VerifiedPath) ? Normalize(File.ReadAllText(snapshot.VerifiedPath)) : null;
        if (verified == actual || accept)
        {
            if (verified != actual) Write(snapshot.VerifiedPath, actual);
            File.Delete(snapshot.ReceivedPath);
            return null;
        }

        Write(snapshot.ReceivedPath, actual);
        return verified is null
            ? $"Missing verified snapshot {snapshot.VerifiedPath}; wrote {snapshot.ReceivedPath}.\n"
            : $"Snapshot mismatch; wrote {snapshot.ReceivedPath}.\n"
              + UnifiedDiff.Format(verified, actual, snapshot.VerifiedPath, snapshot.ReceivedPath);
    }

    static IEnumerable<string> VerifiedFilesUnder(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => SnapshotFile.IsVerified(Path.GetFileName(path)))
            .Select(Path.GetFullPath)
        : [];

    static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    const string AcceptHint = "\nIf the new output is right, rerun with WAREHOUSE_ACCEPT_SNAPSHOTS=1 to accept it.";
}
