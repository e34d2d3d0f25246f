namespace Warehouse.Testing.Tests.Snapshots;

/// <summary>A scratch directory per test, so snapshot behaviour is tested without touching the source tree.</summary>
sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("warehouse-snapshot-test-").FullName;

    public string File(string relative, string? content = null)
    {
        var path = System.IO.Path.Combine(Path, relative);
        if (content is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, content);
        }
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
