namespace Warehouse.Deploy;

/// <summary>Where manifest.json and the SQL files come from: the warehouse/ folder or artifacts embedded by the generator.</summary>
public interface IArtifactSource
{
    /// <summary>The content of <paramref name="relativePath"/> ('/' separators), or null when it does not exist.</summary>
    string? TryRead(string relativePath);

    /// <summary>A human-readable location for messages.</summary>
    string Describe(string relativePath);
}

public static class ArtifactSourceExtensions
{
    public static string Read(this IArtifactSource source, string relativePath) =>
        source.TryRead(relativePath)
        ?? throw new WarehouseException(ExitCodes.BadInput, $"{source.Describe(relativePath)}: not found (named by the manifest)");
}
