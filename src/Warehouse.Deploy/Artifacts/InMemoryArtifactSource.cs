namespace Warehouse.Deploy;

/// <summary>Artifacts the generated code embeds in the model assembly and passes to <see cref="WarehouseCli.RunAsync(string[], IReadOnlyDictionary{string, string}?)"/>.</summary>
public sealed class InMemoryArtifactSource(IReadOnlyDictionary<string, string> files) : IArtifactSource
{
    public string? TryRead(string relativePath)
    {
        string key = relativePath.Replace('\\', '/');
        return files.TryGetValue(key, out var content) ? content : null;
    }

    public string Describe(string relativePath) => $"embedded:{relativePath.Replace('\\', '/')}";
}
