using System.IO.Compression;
using System.Text;

namespace Warehouse.Build.Tests;

/// <summary>
/// Packs the real Warehouse package and uses it from a throwaway project outside the repository, the way a user
/// would: a build that compiles a small model (generator and task from the package), a no-op rebuild, a full
/// rebuild that must give byte-identical files, a typo that must fail the build at its line, and a clean.
/// Slow (a pack and several CLI builds), so one round only.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests
{
    private const string Model = """
        using Warehouse.Model;
        namespace Shop;

        [Source("landing/customers/", Delimiter = '|')]
        public sealed record RawCustomers
        {
            public long CustomerId { get; init; }
            public required string Name { get; init; }
        }

        [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
        public sealed record StgCustomers
        {
            public long CustomerId { get; init; }
            [Derived("initcap(name)")] public required string Name { get; init; }
        }

        [Dimension(typeof(StgCustomers))]
        public sealed record DimCustomers
        {
            [SurrogateKey] public long CustomerKey { get; init; }
            [BusinessKey] public long CustomerId { get; init; }
            public required string Name { get; init; }
        }
        """;

    // Node reuse and build servers would outlive the test and keep the task host and compiler running.
    private static readonly string[] Isolated = ["-nodeReuse:false", "--disable-build-servers", "-tl:off"];

    [Fact]
    public void PackageCompilesAModelDeterministicallyReportsMistakesAtTheirLineAndCleansUp()
    {
        using var temp = new TempDirectory();
        var package = Pack(temp);
        AssertPackageLayout(package);

        var consumer = CreateConsumer(temp.Combine("consumer"), package);
        var warehouse = Path.Combine(consumer, "warehouse");

        var build = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Warehouse: ", build.Output, StringComparison.Ordinal);
        Assert.Contains("\"gold.dim_customers\"", File.ReadAllText(Path.Combine(warehouse, "manifest.json")), StringComparison.Ordinal);
        foreach (var dialect in new[] { "duckdb", "postgres", "redshift" })
        {
            Assert.True(File.Exists(Path.Combine(warehouse, dialect, "gold", "dim_customers.sql")), dialect);
        }

        AssertProjectDirectoryIsInAssemblyMetadata(consumer);
        var first = Files(warehouse);

        var rebuild = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.DoesNotContain("Warehouse:", rebuild.Output, StringComparison.Ordinal);
        Assert.Equal(first, Files(warehouse));

        // warehouse/ deleted by hand: the next build, with nothing else changed, writes it again.
        Directory.Delete(warehouse, recursive: true);
        var restore = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal(first.Keys, Files(warehouse).Keys);
        first = Files(warehouse);

        // An edit that changes no model recompiles and runs the generator and the task again: same bytes, nothing rewritten.
        var model = Path.Combine(consumer, "Model.cs");
        File.AppendAllText(model, "// an edit that changes no model\n");
        var full = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(full.ExitCode == 0, full.Output);
        Assert.Contains("(0 written, 0 removed)", full.Output, StringComparison.Ordinal);
        Assert.Equal(first, Files(warehouse));

        File.WriteAllText(model, Model.Replace("initcap(name)", "initcap(nme)", StringComparison.Ordinal));
        var typo = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.NotEqual(0, typo.ExitCode);
        var line = Model.Split('\n').ToList().FindIndex(l => l.Contains("initcap(name)", StringComparison.Ordinal)) + 1;
        Assert.Contains($"Model.cs({line},", typo.Output, StringComparison.Ordinal);
        Assert.Contains("error WH0011", typo.Output, StringComparison.Ordinal);
        File.WriteAllText(model, Model);

        var clean = DotNet.Run(consumer, ["clean", .. Isolated]);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(warehouse), "clean removes the artifacts and their folders");
    }

    /// <summary>Every artifact with its bytes and write time: equal snapshots mean nothing was rewritten.</summary>
    private static SortedDictionary<string, string> Files(string warehouse) =>
        new(Directory.EnumerateFiles(warehouse, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(warehouse, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + "@" + File.GetLastWriteTimeUtc(f).Ticks),
            StringComparer.Ordinal);

    /// <summary>Packs into a private artifacts path, so the repository's own bin/ and obj/ are not touched.</summary>
    private static string Pack(TempDirectory temp)
    {
        var project = Path.Combine(RepositoryRoot.Path, "build", "Warehouse.Package", "Warehouse.Package.csproj");
        var feed = temp.Combine("feed");
        var pack = DotNet.Run(temp.Path, ["pack", project, "-o", feed, "--artifacts-path", temp.Combine("pack"), .. Isolated]);
        Assert.True(pack.ExitCode == 0, pack.Output);
        return Assert.Single(Directory.GetFiles(feed, "Warehouse.*.nupkg"));
    }

    private static void AssertPackageLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/netstandard2.0/Warehouse.Model.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Warehouse.Generators.dll", entries);
        Assert.Contains("buildTransitive/Warehouse.Build.Tasks.dll", entries);
        Assert.Contains("buildTransitive/Warehouse.props", entries);
        Assert.Contains("buildTransitive/Warehouse.targets", entries);
        Assert.Contains("build/Warehouse.props", entries);
        Assert.Contains("build/Warehouse.targets", entries);
    }

    /// <summary>
    /// A project that references the package and declares a small model. Empty Directory.* files and its own NuGet settings keep any
    /// settings of the folders above out; its own packages folder keeps an older Warehouse 0.1.0 out of the cache.
    /// </summary>
    private static string CreateConsumer(string directory, string package)
    {
        Directory.CreateDirectory(directory);
        var version = Path.GetFileNameWithoutExtension(package)["Warehouse.".Length..];
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Path.GetDirectoryName(package)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Warehouse" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Warehouse" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Model.cs"), Model);
        return directory;
    }

    /// <summary>
    /// The AssemblyMetadata attribute stores its two strings UTF-8 encoded in the custom attribute blob; finding
    /// both byte sequences in the assembly is enough to know the targets added it.
    /// </summary>
    private static void AssertProjectDirectoryIsInAssemblyMetadata(string consumer)
    {
        var assembly = File.ReadAllBytes(Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.True(assembly.AsSpan().IndexOf("WarehouseProjectDirectory"u8) >= 0);
        Assert.True(assembly.AsSpan().IndexOf(Encoding.UTF8.GetBytes(consumer)) >= 0);
    }
}
