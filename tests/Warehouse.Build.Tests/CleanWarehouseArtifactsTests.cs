using System.Diagnostics;
using Warehouse.Build.Tasks;
using Warehouse.Generators.Emitters.Sql;

namespace Warehouse.Build.Tests;

public sealed class CleanWarehouseArtifactsTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FakeBuildEngine engine = new();

    private string Output => temp.Combine("warehouse");

    private string FileListPath => temp.Combine("obj", "warehouse.files.txt");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void DeletesTheListedFilesTheirEmptiedDirectoriesAndTheList()
    {
        Write(("duckdb/gold/a.sql", "a"), ("manifest.json", "{}"));

        Assert.True(Clean(), string.Join("\n", engine.Errors));

        Assert.False(Directory.Exists(Output));
        Assert.False(File.Exists(FileListPath));
    }

    [Fact]
    public void KeepsFilesWarehouseDidNotWrite()
    {
        Write(("duckdb/a.sql", "a"));
        File.WriteAllText(Path.Combine(Output, "duckdb", "notes.md"), "mine");

        Assert.True(Clean());

        Assert.False(File.Exists(Path.Combine(Output, "duckdb", "a.sql")));
        Assert.True(File.Exists(Path.Combine(Output, "duckdb", "notes.md")));
    }

    [Fact]
    public void DoesNothingWithoutAList()
    {
        Assert.True(Clean());
        Assert.Empty(engine.Errors);
    }

    private void Write(params (string Path, string Content)[] artifacts)
    {
        var write = new WriteWarehouseArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = temp.Combine("Model.dll"),
            OutputDirectory = Output,
            FileListPath = FileListPath,
        };
        Assert.True(write.Write(artifacts.Select(a => new Artifact(a.Path, a.Content)).ToList(), nodes: 0, Stopwatch.StartNew()), string.Join("\n", engine.Errors));
    }

    private bool Clean() => new CleanWarehouseArtifacts
    {
        BuildEngine = engine,
        OutputDirectory = Output,
        FileListPath = FileListPath,
    }.Execute();
}
