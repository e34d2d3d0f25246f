using System.Text;
using Warehouse.Build.Tasks;

namespace Warehouse.Build.Tests;

public sealed class WriteWarehouseArtifactsTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory temp = new();
    private readonly FakeBuildEngine engine = new();

    private string Assembly => temp.Combine("Model.dll");

    private string Output => temp.Combine("warehouse");

    private string FileListPath => temp.Combine("obj", "warehouse.files.txt");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void WritesEveryArtifactByteExact()
    {
        const string sql = "-- ünïcödé\nSELECT 1;\r\nSELECT 'x';";
        ModelAssembly.CompileArtifacts(Assembly, ("duckdb/gold/dim_accounts.sql", sql), ("manifest.json", "{}\n"));

        Assert.True(Run(), string.Join("\n", engine.Errors));

        Assert.Equal(new UTF8Encoding(false).GetBytes(sql), File.ReadAllBytes(OutputFile("duckdb/gold/dim_accounts.sql")));
        Assert.Equal("{}\n"u8.ToArray(), File.ReadAllBytes(OutputFile("manifest.json")));
        Assert.Contains("Warehouse: 2 artifacts in shown/warehouse (2 written, 0 removed)", engine.Messages);
        Assert.Equal(
            [OutputFile("duckdb/gold/dim_accounts.sql"), OutputFile("manifest.json")],
            File.ReadAllLines(FileListPath));
    }

    [Fact]
    public void LeavesUnchangedFilesAlone()
    {
        ModelAssembly.CompileArtifacts(Assembly, ("a.sql", "one"), ("b.sql", "two"));
        Assert.True(Run());
        File.SetLastWriteTimeUtc(OutputFile("a.sql"), LongAgo);
        File.SetLastWriteTimeUtc(OutputFile("b.sql"), LongAgo);

        ModelAssembly.CompileArtifacts(Assembly, ("a.sql", "one"), ("b.sql", "two changed"));
        Assert.True(Run());

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(OutputFile("a.sql")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(OutputFile("b.sql")));
        Assert.Equal("two changed", File.ReadAllText(OutputFile("b.sql")));
        Assert.Contains("Warehouse: 2 artifacts in shown/warehouse (1 written, 0 removed)", engine.Messages);
    }

    [Fact]
    public void RemovesStaleFilesAndTheDirectoriesTheyEmptied()
    {
        ModelAssembly.CompileArtifacts(Assembly, ("duckdb/gold/old.sql", "old"), ("duckdb/keep.sql", "keep"));
        Assert.True(Run());
        File.WriteAllText(OutputFile("mine.txt"), "not an artifact");

        ModelAssembly.CompileArtifacts(Assembly, ("duckdb/keep.sql", "keep"));
        Assert.True(Run());

        Assert.False(File.Exists(OutputFile("duckdb/gold/old.sql")));
        Assert.False(Directory.Exists(OutputFile("duckdb/gold")));
        Assert.True(File.Exists(OutputFile("duckdb/keep.sql")));
        Assert.True(File.Exists(OutputFile("mine.txt")));
        Assert.Equal([OutputFile("duckdb/keep.sql")], File.ReadAllLines(FileListPath));
        Assert.Contains("Warehouse: 1 artifacts in shown/warehouse (0 written, 1 removed)", engine.Messages);
    }

    [Theory]
    [InlineData("../escape.sql")]
    [InlineData("duckdb/../../escape.sql")]
    [InlineData("/etc/escape.sql")]
    [InlineData("C:/escape.sql")]
    [InlineData("duckdb\\gold.sql")]
    [InlineData("duckdb//gold.sql")]
    [InlineData("")]
    public void RefusesPathsThatLeaveTheOutputDirectory(string path)
    {
        ModelAssembly.CompileArtifacts(Assembly, ("fine.sql", "fine"), (path, "evil"));

        Assert.False(Run());

        var error = Assert.Single(engine.Errors);
        Assert.Contains($"artifact path '{path}'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output), "nothing is written when a path is refused");
    }

    [Fact]
    public void RefusesTwoArtifactsWithOnePath()
    {
        ModelAssembly.CompileArtifacts(Assembly, ("a.sql", "one"), ("a.sql", "two"));

        Assert.False(Run());

        Assert.Contains("'a.sql' is declared by both", Assert.Single(engine.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsOnlyConstStringPathAndContentInTheArtifactNamespace()
    {
        ModelAssembly.Compile(Assembly, """
            namespace Warehouse.Generated.Artifacts
            {
                internal static class Real { public const string Path = "real.sql"; public const string Content = "x"; }
                internal static class NoContent { public const string Path = "no-content.sql"; }
                internal static class NotConst { public static readonly string Path = "not-const.sql"; public const string Content = "x"; }
                internal static class Outer { internal static class Nested { public const string Path = "nested.sql"; public const string Content = "x"; } }
            }
            namespace Elsewhere
            {
                internal static class Other { public const string Path = "elsewhere.sql"; public const string Content = "x"; }
            }
            """);

        Assert.True(Run());

        Assert.Equal(["real.sql"], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void LogsAnErrorForAMissingAssembly()
    {
        Assert.False(Run());

        var error = Assert.Single(engine.Errors);
        Assert.StartsWith($"Warehouse: cannot read the artifacts of '{Assembly}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsAnErrorForAFileThatIsNoAssembly()
    {
        File.WriteAllText(Assembly, "not a PE file");

        Assert.False(Run());

        Assert.StartsWith("Warehouse: cannot read the artifacts of", Assert.Single(engine.Errors), StringComparison.Ordinal);
    }

    private bool Run() => new WriteWarehouseArtifacts
    {
        BuildEngine = engine,
        AssemblyPath = Assembly,
        OutputDirectory = Output,
        FileListPath = FileListPath,
        DisplayOutputDirectory = "shown/warehouse/",
    }.Execute();

    private string OutputFile(string artifactPath) => Path.Combine(Output, artifactPath.Replace('/', Path.DirectorySeparatorChar));
}
