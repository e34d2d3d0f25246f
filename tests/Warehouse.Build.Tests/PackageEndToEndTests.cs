using System.IO.Compression;
using System.Text;

namespace Warehouse.Build.Tests;

/// <summary>
/// Packs the real Warehouse package and uses it from a throwaway project outside the repository, the way a user
/// would: one build, one no-op rebuild, one clean. Slow (a pack and three CLI runs), so one round only.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests
{
    private const string ArtifactPath = "duckdb/gold/dim_accounts.sql";
    private const string ArtifactContent = "-- dim_accounts ü\nSELECT 1;\n";

    // Node reuse and build servers would outlive the test and keep the task host and compiler running.
    private static readonly string[] Isolated = ["-nodeReuse:false", "--disable-build-servers", "-tl:off"];

    [Fact]
    public void PackageWritesArtifactsOnBuildLeavesThemOnRebuildAndRemovesThemOnClean()
    {
        using var temp = new TempDirectory();
        var package = Pack(temp);
        AssertPackageLayout(package);

        var consumer = CreateConsumer(temp.Combine("consumer"), package);
        var artifact = Path.Combine(consumer, "warehouse", "duckdb", "gold", "dim_accounts.sql");

        var build = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Warehouse: 2 artifacts in warehouse (2 written, 0 removed)", build.Output, StringComparison.Ordinal);
        Assert.Equal(new UTF8Encoding(false).GetBytes(ArtifactContent), File.ReadAllBytes(artifact));
        Assert.True(File.Exists(Path.Combine(consumer, "warehouse", "manifest.json")));
        AssertProjectDirectoryIsInAssemblyMetadata(consumer);

        var written = File.GetLastWriteTimeUtc(artifact);
        var rebuild = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.DoesNotContain("Warehouse:", rebuild.Output, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(artifact));

        var clean = DotNet.Run(consumer, ["clean", .. Isolated]);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(Path.Combine(consumer, "warehouse")), "clean removes the artifacts and their folders");
    }

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
    /// A project that references the package and declares artifacts by hand in the generator's shape (whatever the
    /// generator makes of it, these two are there). Empty Directory.* files and its own NuGet settings keep any
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
        File.WriteAllText(
            Path.Combine(directory, "Artifacts.cs"),
            ModelAssembly.ArtifactSource((ArtifactPath, ArtifactContent), ("manifest.json", "{}\n")));
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
