using Warehouse.Testing.Snapshots;
using Xunit;

namespace Warehouse.Testing.Tests.Snapshots;

public sealed class SnapshotTreeTests : IDisposable
{
    readonly TempDirectory temp = new();

    string Actual => temp.File("actual");

    string Verified => temp.File("snapshots/Tests.Tree");

    public SnapshotTreeTests()
    {
        temp.File("actual/manifest.json", "{}\n");
        temp.File("actual/dbt/models/stg_accounts.sql", "select 1\n");
    }

    [Fact]
    public void Accept_writes_one_verified_file_per_file_with_its_real_extension()
    {
        new SnapshotVerifier(accept: true).VerifyTree(Actual, Verified);

        Assert.Equal("{}\n", File.ReadAllText(Path.Combine(Verified, "manifest.verified.json")));
        Assert.Equal("select 1\n", File.ReadAllText(Path.Combine(Verified, "dbt/models/stg_accounts.verified.sql")));
        new SnapshotVerifier(accept: false).VerifyTree(Actual, Verified);
    }

    [Fact]
    public void Every_changed_or_new_file_is_reported()
    {
        new SnapshotVerifier(accept: true).VerifyTree(Actual, Verified);
        temp.File("actual/manifest.json", "{\"v\": 2}\n");
        temp.File("actual/new.yml", "a: 1\n");

        var error = Assert.Throws<SnapshotMismatchException>(() => new SnapshotVerifier(accept: false).VerifyTree(Actual, Verified));

        Assert.Contains("2 snapshot problem(s)", error.Message);
        Assert.Contains("+{\"v\": 2}", error.Message);
        Assert.Contains("Missing verified snapshot", error.Message);
        Assert.True(File.Exists(Path.Combine(Verified, "new.received.yml")));
    }

    [Fact]
    public void A_verified_file_nothing_produced_fails_unless_accepted()
    {
        new SnapshotVerifier(accept: true).VerifyTree(Actual, Verified);
        File.Delete(Path.Combine(Actual, "manifest.json"));

        var error = Assert.Throws<SnapshotMismatchException>(() => new SnapshotVerifier(accept: false).VerifyTree(Actual, Verified));
        Assert.Contains("Unexpected verified file", error.Message);
        Assert.Contains("manifest.json was produced", error.Message);

        new SnapshotVerifier(accept: true).VerifyTree(Actual, Verified);
        Assert.False(File.Exists(Path.Combine(Verified, "manifest.verified.json")));
    }

    public void Dispose() => temp.Dispose();
}
