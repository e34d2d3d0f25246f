using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Warehouse.Build.Tests;

/// <summary>
/// Packs the real Warehouse package and uses it from a throwaway project outside the repository, the way a user
/// would: a build that compiles a small model (generator and task from the package), a no-op rebuild, a full
/// rebuild that must give byte-identical files, the runner (Warehouse.Deploy, a dependency of the package) hosted by a
/// one-line Main deploying generated data and then files of the test's own, a typo that must fail the build at its
/// line, and a clean. Slow (a pack of both packages, a restore of the runner's dependencies into the consumer's own
/// packages folder and several CLI builds: about two minutes), so one round only.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageEndToEndTests
{
    private const string Model = """
        using Warehouse.Model;
        namespace Shop;

        [Source("landing/customers/", FilePattern = "customers_*.csv", Delimiter = '|')]
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

        // A fact with a dimension reference, so the default data generator has a relationship to follow and the
        // runner a known-member test to run; its own pattern, since a file must match one source's only.
        [Source("landing/orders/", FilePattern = "orders_*.csv")]
        public sealed record RawOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
        }

        [Staging(typeof(RawOrders), Key = nameof(OrderId))]
        public sealed record StgOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            [Precision(18, 2)] public decimal Amount { get; init; }
        }

        [Fact(typeof(StgOrders))]
        [Grain("One row per order.", nameof(OrderId))]
        public sealed record FactOrders
        {
            [DegenerateKey] public long OrderId { get; init; }
            [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
            [Measure(Additivity.Additive), Precision(18, 2)] public decimal Amount { get; init; }
        }
        """;

    /// <summary>The Main a model project writes to host the runner (docs/deploy.md).</summary>
    private const string Program = "return await Warehouse.Deploy.Cli.WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Assembly);\n";

    // Node reuse and build servers would outlive the test and keep the task host and compiler running.
    private static readonly string[] Isolated = ["-nodeReuse:false", "--disable-build-servers", "-tl:off"];

    [Fact]
    public void PackageCompilesAModelDeterministicallyReportsMistakesAtTheirLineAndCleansUp()
    {
        using var temp = new TempDirectory();
        var package = Pack(temp);
        AssertPackageLayout(package, Version(package));

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

        AssertRunnerDeploysGeneratedDataAndOwnFiles(consumer, temp.Combine("data"));

        File.WriteAllText(model, Model.Replace("initcap(name)", "initcap(nme)", StringComparison.Ordinal));
        var typo = DotNet.Run(consumer, ["build", .. Isolated]);
        Assert.NotEqual(0, typo.ExitCode);
        var line = Model.Split('\n').ToList().FindIndex(l => l.Contains("initcap(name)", StringComparison.Ordinal)) + 1;
        Assert.Contains($"Model.cs({line},", typo.Output, StringComparison.Ordinal);
        Assert.Contains("error WH0011", typo.Output, StringComparison.Ordinal);
        File.WriteAllText(model, Model);

        var clean = DotNet.Run(consumer, ["clean", .. Isolated]);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(File.Exists(Path.Combine(warehouse, "manifest.json")), "clean removes the artifacts");
        Assert.False(Directory.Exists(Path.Combine(warehouse, "duckdb")), "clean removes the artifacts' folders");
        Assert.True(File.Exists(Path.Combine(warehouse, "consumer.duckdb")), "clean keeps what the runner wrote (the database, the lakes)");
        Assert.True(Directory.Exists(Path.Combine(warehouse, "lakes", "data")), "clean keeps what the runner wrote (the database, the lakes)");
    }

    /// <summary>
    /// `dotnet run -- deploy` on the empty lake: the runner's default generator writes a file per source from the
    /// manifest, and every error-severity test passes (the fact's late-arriving members only warn). Then
    /// `deploy --data` with files the test writes, one per source, named for its file_pattern.
    /// </summary>
    private static void AssertRunnerDeploysGeneratedDataAndOwnFiles(string consumer, string data)
    {
        var deploy = DotNet.Run(consumer, ["run", "--disable-build-servers", "--", "deploy"]);
        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.Contains("generated 2 file(s)", deploy.Output, StringComparison.Ordinal);
        Assert.Matches(@"tests: [1-9][0-9]* passed, 0 failed", deploy.Output);
        Assert.Contains("ok   gold.fact_orders", deploy.Output, StringComparison.Ordinal);

        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "customers_2026.csv"), "customer_id|name\n1|ada lovelace\n2|alan turing\n");
        File.WriteAllText(Path.Combine(data, "orders_2026.csv"), "order_id,customer_id,amount\n10,1,12.50\n11,2,7.25\n12,1,3.00\n");
        var own = DotNet.Run(consumer, ["run", "--disable-build-servers", "--", "deploy", "--data", data]);
        Assert.True(own.ExitCode == 0, own.Output);
        Assert.Contains("staged 2 file(s)", own.Output, StringComparison.Ordinal);
        Assert.Matches(@"tests: [1-9][0-9]* passed, 0 failed, 0 warned", own.Output);
        Assert.Matches(@"gold\.fact_orders +│ fact +│ - +│ 3 \(\+3\)", own.Output);
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
        var runner = Assert.Single(Directory.GetFiles(feed, "Warehouse.Deploy.*.nupkg"));
        using (var zip = ZipFile.OpenRead(runner))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/Warehouse.Deploy.dll");
        }

        return Assert.Single(Directory.GetFiles(feed, "Warehouse.*.nupkg"), p => p != runner);
    }

    private static string Version(string package) => Path.GetFileNameWithoutExtension(package)["Warehouse.".Length..];

    private static void AssertPackageLayout(string package, string version)
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
        Assert.Contains("lib/net10.0/Warehouse.Model.dll", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("Warehouse.Deploy.dll", StringComparison.Ordinal));

        // The runner comes as a dependency for net10.0 only: a netstandard2.0 project holding the model gets none.
        var nuspec = XDocument.Load(zip.GetEntry("Warehouse.nuspec")!.Open());
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements().Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}").ToList(),
            StringComparer.Ordinal);
        Assert.Equal([$"Warehouse.Deploy {version}"], groups["net10.0"]);
        Assert.Empty(groups[".NETStandard2.0"]);
    }

    /// <summary>
    /// A project that references the package and declares a small model. Empty Directory.* files and its own NuGet settings keep any
    /// settings of the folders above out; its own packages folder keeps an older Warehouse 0.1.0 (or Warehouse.Deploy) out of the cache.
    /// </summary>
    private static string CreateConsumer(string directory, string package)
    {
        Directory.CreateDirectory(directory);
        var version = Version(package);
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
                <packageSource key="local"><package pattern="Warehouse" /><package pattern="Warehouse.Deploy" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Warehouse" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Model.cs"), Model);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
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
