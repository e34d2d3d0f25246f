using System.Runtime.CompilerServices;

namespace Warehouse.Testing;

/// <summary>The checkout the tests were built from (tests/Directory.Build.props keeps real source paths).</summary>
public static class Repository
{
    /// <summary>The folder holding Warehouse.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>Where `dotnet build` writes the Banking sample's artifacts.</summary>
    public static string BankingWarehouse => Path.Combine(Root, "samples", "Banking", "warehouse");

    /// <summary>
    /// The reference seed files (shared/reference/lakehouse-formation-data): beside the checkout (in CI,
    /// $(repo)/../shared) or, from a git worktree, beside the main checkout. Null where the folder is absent.
    /// </summary>
    public static string? SeedData { get; } = FindShared("reference/lakehouse-formation-data");

    private static string? FindShared(string relative)
    {
        var candidates = new List<string> { Path.Combine(Root, "..", "shared", relative) };
        string gitFile = Path.Combine(Root, ".git");
        if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is { } line && line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            // A worktree: .git names <main>/.git/worktrees/<name>; the main checkout's parent holds shared/.
            var main = new DirectoryInfo(line["gitdir:".Length..].Trim()).Parent?.Parent?.Parent;
            if (main?.Parent is { } parent)
                candidates.Add(Path.Combine(parent.FullName, "shared", relative));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }

    private static string Find([CallerFilePath] string here = "")
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(here)!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Warehouse.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"no Warehouse.sln above {here}");
    }
}
