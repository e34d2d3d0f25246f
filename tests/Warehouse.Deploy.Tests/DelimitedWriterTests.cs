using Warehouse.Deploy.Lake.Synthetic;

namespace Warehouse.Deploy.Tests;

/// <summary>The default generator's file writer: a file appears under its name only when it is complete.</summary>
public sealed class DelimitedWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "delimited-writer-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_committed_file_replaces_the_earlier_one_and_leaves_no_partial_file()
    {
        string path = Path.Combine(_folder, "orders.csv");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "old\n");

        using (var writer = new DelimitedWriter(path, ','))
        {
            writer.WriteRecord(["id", "note"]);
            writer.WriteRecord(["1", "a,b"]);
            Assert.Equal("old\n", File.ReadAllText(path));
            writer.Commit();
        }

        Assert.Equal("id,note\n1,\"a,b\"\n", File.ReadAllText(path));
        Assert.Equal(["orders.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void An_interrupted_write_leaves_the_earlier_file_and_no_partial_file()
    {
        string path = Path.Combine(_folder, "orders.csv");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, "old\n");

        using (var writer = new DelimitedWriter(path, ','))
            writer.WriteRecord(["id", "note"]);

        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["orders.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
