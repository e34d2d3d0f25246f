using System.Diagnostics;
using System.Text;
using Warehouse.Build.Tasks;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model.Codec;

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
    public void RendersTheCompiledModelIntoTheOutputDirectory()
    {
        ModelAssembly.CompileModel(Assembly, ModelAssembly.Source("orders"), ModelAssembly.Source("customers"));

        Assert.True(Run(), string.Join("\n", engine.Errors));

        var manifest = File.ReadAllText(OutputFile("manifest.json"));
        Assert.Contains("\"project\": \"Shop\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"bronze.orders\"", manifest, StringComparison.Ordinal);
        Assert.True(File.Exists(OutputFile("duckdb/bronze/customers.sql")));
        Assert.True(File.Exists(OutputFile("cloudformation/warehouse.json")));
        var written = File.ReadAllLines(FileListPath);
        Assert.Contains("manifest.json", written);
        Assert.Contains(engine.Messages, m => m.StartsWith($"Warehouse: {written.Length} artifacts of 2 nodes in shown/warehouse ({written.Length} written, 0 removed)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_change_rewrites_only_the_files_that_show_it()
    {
        ModelAssembly.CompileModel(Assembly, ModelAssembly.Source("orders"), ModelAssembly.Source("customers"));
        Assert.True(Run());
        foreach (var entry in File.ReadAllLines(FileListPath)) File.SetLastWriteTimeUtc(OutputFile(entry), LongAgo);

        ModelAssembly.CompileModel(Assembly, ModelAssembly.Source("orders", column: "order_id"), ModelAssembly.Source("customers"));
        Assert.True(Run());

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(OutputFile("duckdb/bronze/customers.sql")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(OutputFile("duckdb/bronze/orders.sql")));
        Assert.Contains("order_id", File.ReadAllText(OutputFile("duckdb/bronze/orders.sql")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_that_does_not_decode_fails_the_build_and_writes_nothing()
    {
        ModelAssembly.Compile(Assembly, ModelAssembly.SpecSource("Shop", NodeSpecCodec.Encode(ModelAssembly.Source("orders")), "16:warehouse-spec/9"));

        Assert.False(Run());

        var error = Assert.Single(engine.Errors);
        Assert.Contains("format 'warehouse-spec/9'", error, StringComparison.Ordinal);
        Assert.Contains("rebuild the model project", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output), "nothing is written when the model cannot be rendered");
    }

    [Fact]
    public void An_assembly_without_a_model_has_no_artifacts_and_removes_the_old_ones()
    {
        ModelAssembly.CompileModel(Assembly, ModelAssembly.Source("orders"));
        Assert.True(Run());

        ModelAssembly.Compile(Assembly, "namespace Shop { internal static class Nothing { } }");
        Assert.True(Run(), string.Join("\n", engine.Errors));

        Assert.False(File.Exists(OutputFile("manifest.json")));
        Assert.Empty(File.ReadAllLines(FileListPath));
    }

    [Fact]
    public void ReadsOnlyTopLevelConstStringSpecsInTheSpecNamespace()
    {
        var spec = SymbolDisplay(NodeSpecCodec.Encode(ModelAssembly.Source("real")));
        var other = SymbolDisplay(NodeSpecCodec.Encode(ModelAssembly.Source("other")));
        ModelAssembly.Compile(Assembly, $$"""
            namespace Warehouse.Generated { internal static class WarehouseModel { public const string Project = "Shop"; } }
            namespace Warehouse.Generated.Specs
            {
                internal static class Real { public const string Spec = {{spec}}; }
                internal static class NotConst { public static readonly string Spec = {{other}}; }
                internal static class Outer { internal static class Nested { public const string Spec = {{other}}; } }
            }
            namespace Elsewhere
            {
                internal static class Other { public const string Spec = {{other}}; }
            }
            """);

        Assert.True(Run(), string.Join("\n", engine.Errors));

        Assert.Equal(["real.sql"], Directory.GetFiles(Path.Combine(Output, "duckdb", "bronze")).Select(Path.GetFileName));
    }

    [Fact]
    public void WritesEveryArtifactByteExact()
    {
        const string sql = "-- ünïcödé\nSELECT 1;\r\nSELECT 'x';";

        Assert.True(Write(("duckdb/gold/dim_accounts.sql", sql), ("manifest.json", "{}\n")), string.Join("\n", engine.Errors));

        Assert.Equal(new UTF8Encoding(false).GetBytes(sql), File.ReadAllBytes(OutputFile("duckdb/gold/dim_accounts.sql")));
        Assert.Equal("{}\n"u8.ToArray(), File.ReadAllBytes(OutputFile("manifest.json")));
        Assert.Contains(engine.Messages, m => m.StartsWith("Warehouse: 2 artifacts of 0 nodes in shown/warehouse (2 written, 0 removed)", StringComparison.Ordinal));
        Assert.Equal(["duckdb/gold/dim_accounts.sql", "manifest.json"], File.ReadAllLines(FileListPath));
    }

    [Fact]
    public void LeavesUnchangedFilesAlone()
    {
        Assert.True(Write(("a.sql", "one"), ("b.sql", "two")));
        File.SetLastWriteTimeUtc(OutputFile("a.sql"), LongAgo);
        File.SetLastWriteTimeUtc(OutputFile("b.sql"), LongAgo);

        Assert.True(Write(("a.sql", "one"), ("b.sql", "two changed")));

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(OutputFile("a.sql")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(OutputFile("b.sql")));
        Assert.Equal("two changed", File.ReadAllText(OutputFile("b.sql")));
        Assert.Contains(engine.Messages, m => m.Contains("(1 written, 0 removed)", StringComparison.Ordinal));
    }

    [Fact]
    public void RemovesStaleFilesAndTheDirectoriesTheyEmptied()
    {
        Assert.True(Write(("duckdb/gold/old.sql", "old"), ("duckdb/keep.sql", "keep")));
        File.WriteAllText(OutputFile("mine.txt"), "not an artifact");

        Assert.True(Write(("duckdb/keep.sql", "keep")));

        Assert.False(File.Exists(OutputFile("duckdb/gold/old.sql")));
        Assert.False(Directory.Exists(OutputFile("duckdb/gold")));
        Assert.True(File.Exists(OutputFile("duckdb/keep.sql")));
        Assert.True(File.Exists(OutputFile("mine.txt")));
        Assert.Equal(["duckdb/keep.sql"], File.ReadAllLines(FileListPath));
        Assert.Contains(engine.Messages, m => m.Contains("1 artifacts of 0 nodes in shown/warehouse (0 written, 1 removed)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_changed_by_hand_is_rewritten_even_when_its_artifact_did_not_change()
    {
        Assert.True(Write(("a.sql", "one"), ("b.sql", "two")));
        File.WriteAllText(OutputFile("a.sql"), "edited by hand");

        Assert.True(Write(("a.sql", "one"), ("b.sql", "two")));

        Assert.Equal("one", File.ReadAllText(OutputFile("a.sql")));
        Assert.Contains(engine.Messages, m => m.Contains("(1 written, 0 removed)", StringComparison.Ordinal));
    }

    [Fact]
    public void Building_a_copy_of_a_built_project_leaves_the_original_artifacts_alone()
    {
        // The project as `cp -r` copies it: obj/ with its file list, and warehouse/ beside it.
        Assert.True(Write(("duckdb/old.sql", "old"), ("duckdb/keep.sql", "keep")));
        using var copy = new TempDirectory();
        CopyTree(temp.Path, copy.Path);

        var build = new WriteWarehouseArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = copy.Combine("Model.dll"),
            OutputDirectory = copy.Combine("warehouse"),
            FileListPath = copy.Combine("obj", "warehouse.files.txt"),
        };
        Assert.True(build.Write([new Artifact("duckdb/keep.sql", "keep")], nodes: 0, Stopwatch.StartNew()));

        Assert.False(File.Exists(copy.Combine("warehouse", "duckdb", "old.sql")), "the copy's own stale file goes");
        Assert.True(File.Exists(OutputFile("duckdb/old.sql")), "the original's file stays");
        Assert.True(File.Exists(OutputFile("duckdb/keep.sql")));
    }

    [Fact]
    public void A_listed_absolute_path_outside_the_output_directory_is_never_deleted()
    {
        var outside = temp.Combine("outside.sql");
        File.WriteAllText(outside, "someone else's file");
        Directory.CreateDirectory(Path.GetDirectoryName(FileListPath)!);
        File.WriteAllLines(FileListPath, [outside, OutputFile("inside-old.sql")]);
        Directory.CreateDirectory(Output);
        File.WriteAllText(OutputFile("inside-old.sql"), "an old absolute entry inside the output");

        Assert.True(Write(("a.sql", "one")));

        Assert.True(File.Exists(outside));
        Assert.False(File.Exists(OutputFile("inside-old.sql")), "an older list's absolute entry inside the output directory is still cleaned up");
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
        Assert.False(Write(("fine.sql", "fine"), (path, "evil")));

        var error = Assert.Single(engine.Errors);
        Assert.Contains($"artifact path '{path}'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output), "nothing is written when a path is refused");
    }

    [Fact]
    public void RefusesTwoArtifactsWithOnePath()
    {
        Assert.False(Write(("a.sql", "one"), ("a.sql", "two")));

        Assert.Contains("'a.sql' is rendered twice", Assert.Single(engine.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void LogsAnErrorForAMissingAssembly()
    {
        Assert.False(Run());

        var error = Assert.Single(engine.Errors);
        Assert.StartsWith($"Warehouse: cannot read the compiled model of '{Assembly}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsAnErrorForAFileThatIsNoAssembly()
    {
        File.WriteAllText(Assembly, "not a PE file");

        Assert.False(Run());

        Assert.StartsWith("Warehouse: cannot read the compiled model of", Assert.Single(engine.Errors), StringComparison.Ordinal);
    }

    private WriteWarehouseArtifacts Task() => new()
    {
        BuildEngine = engine,
        AssemblyPath = Assembly,
        OutputDirectory = Output,
        FileListPath = FileListPath,
        DisplayOutputDirectory = "shown/warehouse/",
    };

    private bool Run() => Task().Execute();

    /// <summary>The task's write step alone, with artifacts of the test's choosing (what rendering would hand it).</summary>
    private bool Write(params (string Path, string Content)[] artifacts) =>
        Task().Write(artifacts.Select(a => new Artifact(a.Path, a.Content)).ToList(), nodes: 0, Stopwatch.StartNew());

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    private static string SymbolDisplay(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    private string OutputFile(string artifactPath) => Path.Combine(Output, artifactPath.Replace('/', Path.DirectorySeparatorChar));
}
