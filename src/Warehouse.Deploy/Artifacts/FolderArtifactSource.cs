namespace Warehouse.Deploy;

/// <summary>Artifacts read from a folder on disk (<c>--artifacts DIR</c> or the model project's warehouse/ folder).</summary>
public sealed class FolderArtifactSource(string root) : IArtifactSource
{
    public string Root { get; } = Path.GetFullPath(root);

    public string? TryRead(string relativePath)
    {
        string path = Resolve(relativePath);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{path}: cannot be read ({e.Message})");
        }
    }

    public string Describe(string relativePath) => Resolve(relativePath);

    private string Resolve(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
