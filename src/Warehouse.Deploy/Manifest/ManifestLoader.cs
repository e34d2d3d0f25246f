using System.Text.Json;

namespace Warehouse.Deploy.Manifest;

/// <summary>Reads and validates manifest.json; every problem becomes one <see cref="WarehouseException"/> line.</summary>
public static class ManifestLoader
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static WarehouseManifest Load(IArtifactSource artifacts)
    {
        string json = artifacts.TryRead(FileName)
            ?? throw new WarehouseException(ExitCodes.BadInput, $"{artifacts.Describe(FileName)}: not found (build the model project first)");
        return Parse(json, artifacts.Describe(FileName));
    }

    public static WarehouseManifest Parse(string json, string origin)
    {
        WarehouseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<WarehouseManifest>(json, Options);
        }
        catch (JsonException e)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: invalid JSON ({e.Message})");
        }

        if (manifest is null)
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: empty manifest");
        Validate(manifest, origin);
        return manifest;
    }

    private static void Validate(WarehouseManifest manifest, string origin)
    {
        if (manifest.Format != WarehouseManifest.SupportedFormat)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{origin}: format '{manifest.Format}' is not supported (expected '{WarehouseManifest.SupportedFormat}')");
        if (manifest.Nodes is null || manifest.Setup is null || string.IsNullOrWhiteSpace(manifest.Project))
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: 'project', 'setup' and 'nodes' are required");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id) || !ids.Add(node.Id))
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: node id '{node.Id}' is empty or not unique");
            if (node.Kind == NodeKinds.Source && node.Source is null)
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: source node '{node.Id}' has no 'source' block");
        }

        foreach (var node in manifest.Nodes)
        {
            foreach (var dependency in node.Dependencies)
            {
                if (!ids.Contains(dependency))
                    throw new WarehouseException(ExitCodes.BadInput, $"{origin}: node '{node.Id}' depends on unknown node '{dependency}'");
            }
        }
    }
}
