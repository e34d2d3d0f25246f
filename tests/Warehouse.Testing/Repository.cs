using System.Runtime.CompilerServices;

namespace Warehouse.Testing;

/// <summary>The checkout the tests were built from (tests/Directory.Build.props keeps real source paths).</summary>
public static class Repository
{
    /// <summary>The folder holding Warehouse.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>Where `dotnet build` writes the Banking sample's artifacts.</summary>
    public static string BankingWarehouse => Path.Combine(Root, "samples", "Banking", "warehouse");

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
