using Warehouse.Testing.Snapshots;
using Xunit;

namespace Warehouse.Testing.Tests.Snapshots;

/// <summary>The caller-facing API finds committed verified files by the Verify naming convention.</summary>
public sealed class SnapshotFacadeTests
{
    [Fact]
    public void Verify_finds_the_file_named_after_class_and_method() =>
        Snapshot.Verify("select 1;\n", "sql", folder: "Verified");

    [Fact]
    public void Verify_takes_an_explicit_name() =>
        Snapshot.Verify("{ \"a\": 1 }\n", ".json", name: "Named", folder: "Verified");

    [Fact]
    public void VerifyDirectory_checks_each_file_of_a_tree()
    {
        var tree = Directory.CreateTempSubdirectory("warehouse-snapshot-tree-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(tree, "dbt"));
            File.WriteAllText(Path.Combine(tree, "manifest.json"), "{}\n");
            File.WriteAllText(Path.Combine(tree, "dbt", "dbt_project.yml"), "name: banking\n");

            Snapshot.VerifyDirectory(tree, folder: "Verified");
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }
}
