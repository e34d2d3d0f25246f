namespace Warehouse.Deploy;

/// <summary>Artifacts held in memory: the compiled model rendered by <see cref="CompiledModelArtifacts"/>, or a test's files.</summary>
public sealed class InMemoryArtifactSource(IReadOnlyDictionary<string, string> files) : IArtifactSource
{
    public string? TryRead(string relativePath)
    {
        string key = relativePath.Replace('\\', '/');
        return files.TryGetValue(key, out var content) ? content : null;
    }

    public string Describe(string relativePath) => $"compiled model:{relativePath.Replace('\\', '/')}";
}
