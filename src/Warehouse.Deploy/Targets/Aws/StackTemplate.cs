using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Warehouse.Deploy.Targets.Aws.Glue;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>The generated CloudFormation template (the manifest's <c>aws.template</c>) as the deploy reads it.</summary>
public sealed class StackTemplate
{
    private readonly JsonObject _root;

    private StackTemplate(JsonObject root, string body, string path)
    {
        _root = root;
        Body = body;
        Path = path;
    }

    /// <summary>The template's path in the artifacts, for messages.</summary>
    public string Path { get; }

    /// <summary>The template text that is sent to CloudFormation.</summary>
    public string Body { get; private set; }

    public static StackTemplate Parse(string body, string path)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject root && root["Resources"] is JsonObject
                ? new StackTemplate(root, body, path)
                : throw new WarehouseException(ExitCodes.BadInput, $"{path}: not a CloudFormation template (no Resources)");
        }
        catch (JsonException e)
        {
            throw new WarehouseException(ExitCodes.BadInput, $"{path}: not JSON: {e.Message}", e);
        }
    }

    private JsonObject Resources => (JsonObject)_root["Resources"]!;

    public string? ParameterDefault(string name) => _root["Parameters"]?[name]?["Default"]?.ToString();

    /// <summary>
    /// moto (5.x) does not implement Fn::Cidr: its change set fails with an internal error. For an emulator only, each
    /// Fn::Cidr is replaced by the literal list real CloudFormation would compute (consecutive /(32-bits) blocks from
    /// the start of the VPC CIDR). Real AWS always gets the template unchanged. Returns how many were expanded.
    /// </summary>
    public int ExpandCidrFunctionsForEmulator(IReadOnlyDictionary<string, string> parameters)
    {
        int count = 0;
        JsonNode? Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count == 1 && obj["Fn::Cidr"] is JsonArray args:
                    count++;
                    string block = ResolveString(args[0], parameters)
                        ?? throw new WarehouseException(ExitCodes.BadInput, "template: cannot resolve the block of an Fn::Cidr for the emulator");
                    return new JsonArray(Subnets(block, Int(args[1]), Int(args[2])).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
                case JsonObject obj:
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        var replaced = Walk(obj[key]);
                        if (!ReferenceEquals(replaced, obj[key])) obj[key] = replaced;
                    }
                    return obj;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        var replaced = Walk(array[i]);
                        if (!ReferenceEquals(replaced, array[i])) array[i] = replaced;
                    }
                    return array;
                default:
                    return node;
            }
        }

        Walk(Resources);
        if (count > 0)
            Body = _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return count;
    }

    private static int Int(JsonNode? node) => int.Parse(node!.ToString(), CultureInfo.InvariantCulture);

    private string? ResolveString(JsonNode? node, IReadOnlyDictionary<string, string> parameters)
    {
        switch (node)
        {
            case JsonValue value:
                return value.ToString();
            case JsonObject obj when obj["Ref"] is JsonValue reference:
                string name = reference.ToString();
                return parameters.TryGetValue(name, out var given) ? given : ParameterDefault(name);
            case JsonObject obj when obj["Fn::GetAtt"] is JsonArray { Count: 2 } getAtt && getAtt[1]?.ToString() == "CidrBlock":
                return ResolveString(Resources[getAtt[0]!.ToString()]?["Properties"]?["CidrBlock"], parameters);
            default:
                return null;
        }
    }

    private static IEnumerable<string> Subnets(string cidr, int count, int hostBits)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        uint start = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        int prefix = int.Parse(parts[1], CultureInfo.InvariantCulture);
        start &= prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        for (int i = 0; i < count; i++)
        {
            uint address = start + ((uint)i << hostBits);
            yield return $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}/{32 - hostBits}";
        }
    }

    /// <summary>
    /// The Glue tables the template declares (one per source), as TableInputs with <c>${LakeBucket}</c> resolved (and
    /// <c>${!</c>, Sub's escape for a literal <c>${</c>, read as Sub reads it): the model's catalog. The template is generated from the model, so reading it keeps one mapping of model types to
    /// Glue types (the generator's).
    /// </summary>
    public IReadOnlyList<TableInput> GlueTables(string bucketName)
    {
        var tables = new List<TableInput>();
        foreach (var (_, resource) in Resources)
        {
            if (resource?["Type"]?.ToString() != "AWS::Glue::Table" || resource["Properties"]?["TableInput"] is not JsonObject input)
                continue;
            var resolved = Substitute(input.DeepClone(), bucketName);
            tables.Add(resolved.Deserialize(GlueJson.Default.TableInput)
                ?? throw new WarehouseException(ExitCodes.BadInput, "template: empty Glue TableInput"));
        }
        return tables;
    }

    private static JsonNode? Substitute(JsonNode? node, string bucketName) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj["Fn::Sub"] is JsonValue sub => JsonValue.Create(sub.ToString().Replace("${LakeBucket}", bucketName, StringComparison.Ordinal).Replace("${!", "${", StringComparison.Ordinal)),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Value?.DeepClone(), bucketName)))),
        JsonArray array => new JsonArray(array.Select(item => Substitute(item?.DeepClone(), bucketName)).ToArray()),
        _ => node,
    };
}
