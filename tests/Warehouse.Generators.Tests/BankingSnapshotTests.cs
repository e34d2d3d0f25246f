using Warehouse.Generators.Dialects;
using Warehouse.Testing;
using Warehouse.Testing.Snapshots;

namespace Warehouse.Generators.Tests;

/// <summary>
/// Pins every artifact the Banking sample compiles to (manifest and SQL per dialect), one verified file each
/// with its real extension. `dotnet build` writes them to samples/Banking/warehouse before the tests run.
/// </summary>
public sealed class BankingSnapshotTests
{
    [Fact]
    public void Every_artifact_of_the_banking_sample_is_pinned()
    {
        var warehouse = Repository.BankingWarehouse;
        var artifacts = Path.Combine(Path.GetTempPath(), "wh-snapshot-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Only the compiled artifacts: deploy also writes a lake, a database and run results there. Every dialect
            // of the registry is pinned, so a new one cannot go unpinned, and each folder must exist.
            foreach (var folder in SqlDialect.All.Select(d => d.Name).Concat(["dbt", "cloudformation"]))
            {
                var source = Path.Combine(warehouse, folder);
                Assert.True(Directory.Exists(source), $"the build wrote no {folder}/ folder");
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(artifacts, Path.GetRelativePath(warehouse, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }

            File.Copy(Path.Combine(warehouse, "manifest.json"), Path.Combine(artifacts, "manifest.json"));
            Snapshot.VerifyDirectory(artifacts, folder: "Snapshots");
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
