using Warehouse.Testing.Snapshots;
using Xunit;

namespace Warehouse.Testing.Tests.Snapshots;

public sealed class SnapshotVerifierTests : IDisposable
{
    readonly TempDirectory temp = new();

    SnapshotFile Snap => new(temp.Path, "Tests.Case", "sql");

    [Fact]
    public void Matching_content_passes_and_removes_a_stale_received_file()
    {
        temp.File("Tests.Case.verified.sql", "select 1;\n");
        temp.File("Tests.Case.received.sql", "old\n");

        new SnapshotVerifier(accept: false).VerifyFile("select 1;\n", Snap);

        Assert.False(File.Exists(Snap.ReceivedPath));
    }

    [Fact]
    public void Line_endings_do_not_matter()
    {
        temp.File("Tests.Case.verified.sql", "a\r\nb\r\n");

        new SnapshotVerifier(accept: false).VerifyFile("a\nb\n", Snap);
    }

    [Fact]
    public void Mismatch_writes_received_and_fails_with_a_unified_diff()
    {
        temp.File("Tests.Case.verified.sql", "select\n  a,\n  b\nfrom t;\n");

        var error = Assert.Throws<SnapshotMismatchException>(
            () => new SnapshotVerifier(accept: false).VerifyFile("select\n  a,\n  c\nfrom t;\n", Snap));

        Assert.Equal("select\n  a,\n  c\nfrom t;\n", File.ReadAllText(Snap.ReceivedPath));
        Assert.Contains($"--- {Snap.VerifiedPath}\n+++ {Snap.ReceivedPath}\n@@ -1,5 +1,5 @@\n select\n   a,\n-  b\n+  c\n from t;\n", error.Message);
        Assert.Contains("WAREHOUSE_ACCEPT_SNAPSHOTS=1", error.Message);
    }

    [Fact]
    public void Missing_verified_file_fails_and_writes_received()
    {
        var error = Assert.Throws<SnapshotMismatchException>(() => new SnapshotVerifier(accept: false).VerifyFile("x\n", Snap));

        Assert.Contains("Missing verified snapshot", error.Message);
        Assert.Equal("x\n", File.ReadAllText(Snap.ReceivedPath));
        Assert.False(File.Exists(Snap.VerifiedPath));
    }

    [Fact]
    public void Accept_mode_writes_verified_and_deletes_received()
    {
        temp.File("Tests.Case.verified.sql", "old\n");
        temp.File("Tests.Case.received.sql", "new\r\n");

        new SnapshotVerifier(accept: true).VerifyFile("new\r\n", Snap);

        Assert.Equal("new\n", File.ReadAllText(Snap.VerifiedPath));
        Assert.False(File.Exists(Snap.ReceivedPath));
    }

    public void Dispose() => temp.Dispose();
}
