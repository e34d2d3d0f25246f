using Warehouse.Benchmarks;
using Warehouse.Deploy.Cli;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// A warehouse that is not Banking: the benchmark's synthetic model maker at N models, or any model's C# sources,
/// compiled by the generator in-process and rendered as the MSBuild task would (<see cref="SyntheticArtifacts"/>), in
/// a temp folder with its own lake and DuckDB file. It registers no data generator, so the runner's default one fills
/// its lake.
/// </summary>
public sealed class SyntheticModelWarehouse : IDisposable
{
    public SyntheticModelWarehouse(int models = 30)
        : this(artifacts => SyntheticArtifacts.Write(SyntheticModel.Create(models), artifacts))
    {
    }

    /// <param name="sources">The model's records as C# files (file name, text), as a model project holds them.</param>
    public SyntheticModelWarehouse(IEnumerable<(string FileName, string Text)> sources)
        : this(artifacts => SyntheticArtifacts.Write(sources, artifacts))
    {
    }

    private SyntheticModelWarehouse(Func<string, int> writeArtifacts)
    {
        Root = Directory.CreateTempSubdirectory("warehouse-synthetic-").FullName;
        writeArtifacts(Artifacts);
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "warehouse");

    public string Lake => Path.Combine(Root, "lake");

    public string DuckDbPath => Path.Combine(Root, "synthetic.duckdb");

    /// <summary>Runs the CLI in-process on this model's artifacts, lake and database (DuckDB).</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Root, _ => null, Interactive: false);
        string[] all = [.. args, "--artifacts", Artifacts, "--lake", Lake];
        int exitCode = await WarehouseCli.RunAsync(all, null, WarehouseExtensions.None, environment, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every lake file (lake-relative) with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> LakeFiles() =>
        Directory.EnumerateFiles(Lake, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(Lake, f), File.ReadAllBytes);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still mapped by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
