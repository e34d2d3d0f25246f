using System.Reflection;
using System.Runtime.Loader;
using Warehouse.Testing;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The runner renders the model compiled into the model assembly; the build task rendered the same specs into
/// warehouse/. Both must be the same bytes, or a deploy would run other SQL than the files people read.
/// </summary>
public sealed class CompiledModelArtifactsTests
{
    [Fact]
    public void The_compiled_Banking_model_renders_exactly_the_files_the_build_wrote()
    {
        var source = CompiledModelArtifacts.Render(LoadBanking());

        var written = Directory.GetFiles(Repository.BankingWarehouse, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.BankingWarehouse, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("lake", StringComparison.Ordinal) && !f.StartsWith("lakes/", StringComparison.Ordinal)
                        && !f.EndsWith(".duckdb", StringComparison.Ordinal) && !f.EndsWith(".wal", StringComparison.Ordinal)
                        && f != "run_results.json")
            .ToList();
        Assert.True(written.Count > 900, $"only {written.Count} artifacts in {Repository.BankingWarehouse}");
        foreach (var file in written)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.BankingWarehouse, file)), source.TryRead(file));
        }
    }

    [Fact]
    public void An_assembly_without_a_compiled_model_is_one_clear_error()
    {
        var error = Assert.Throws<WarehouseException>(() => CompiledModelArtifacts.Render(typeof(CompiledModelArtifactsTests).Assembly));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Contains("holds no compiled warehouse", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The sample's assembly from its build output (same configuration as this test), in a context of its own.</summary>
    private static Assembly LoadBanking()
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string path = Path.Combine(Repository.Root, "samples", "Banking", "bin", configuration, "net10.0", "Banking.dll");
        Assert.True(File.Exists(path), $"{path} was not built");
        return new AssemblyLoadContext("banking-model", isCollectible: true).LoadFromAssemblyPath(path);
    }
}
