using System.Text;
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
        // The version first: another format's fields would fail to deserialize with a message about a field.
        if (FormatOf(json) is { } format && format != WarehouseManifest.SupportedFormat)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{origin}: format '{format}' is not supported (expected '{WarehouseManifest.SupportedFormat}'): " +
                "rebuild the model project with this version of Warehouse");
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

    /// <summary>The top-level "format" string, read without the rest; null when absent or not readable as JSON.</summary>
    private static string? FormatOf(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json),
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isFormat = reader.ValueTextEquals("format");
                reader.Read();
                if (isFormat)
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The full read below reports it, with its position.
        }

        return null;
    }

    private static void Validate(WarehouseManifest manifest, string origin)
    {
        if (manifest.Format != WarehouseManifest.SupportedFormat)
            throw new WarehouseException(ExitCodes.BadInput,
                $"{origin}: format '{manifest.Format}' is not supported (expected '{WarehouseManifest.SupportedFormat}')");
        // The JSON reader leaves a missing object null whatever its declared nullability: these are what the runner reads.
        if (manifest.Nodes is null || manifest.Setup is null || manifest.Variables is null || manifest.Bookkeeping is null
            || manifest.Aws is null || string.IsNullOrWhiteSpace(manifest.Project))
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: 'project', 'setup', 'variables', 'bookkeeping', 'aws' and 'nodes' are required");
        if (string.IsNullOrWhiteSpace(manifest.Bookkeeping.NodeState))
            throw new WarehouseException(ExitCodes.BadInput, $"{origin}: 'bookkeeping.node_state' is required (a manifest from an older compiler: rebuild the model)");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in manifest.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id) || !ids.Add(node.Id))
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: node id '{node.Id}' is empty or not unique");
            if (node.Kind == NodeKinds.Source && node.Source is null)
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: source node '{node.Id}' has no 'source' block");
            if (node.ColumnList.FirstOrDefault(c => string.IsNullOrEmpty(c.Type?.Name)) is { } untyped)
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: column '{untyped.Name}' of node '{node.Id}' has no 'type'");
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
