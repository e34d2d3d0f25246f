namespace Warehouse.Build.Tests;

/// <summary>The repository the tests were built from: the nearest folder above the test binaries with Warehouse.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Warehouse.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Warehouse.sln above {AppContext.BaseDirectory}");
    }
}
