using System.Linq;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>CloudFormation intrinsic functions and pseudo parameters, as JSON values.</summary>
internal static class Fn
{
    public const string NoValue = "AWS::NoValue";

    public static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray { logicalId, attribute } };

    public static JsonObject Sub(string template) => new() { ["Fn::Sub"] = template };

    public static JsonObject If(string condition, JsonValue whenTrue, JsonValue whenFalse) =>
        new() { ["Fn::If"] = new JsonArray { condition, whenTrue, whenFalse } };

    public static JsonObject Equals(JsonValue left, JsonValue right) => new() { ["Fn::Equals"] = new JsonArray { left, right } };

    public static JsonObject Not(JsonValue condition) => new() { ["Fn::Not"] = new JsonArray { condition } };

    public static JsonObject Condition(string name) => new() { ["Condition"] = name };

    public static JsonObject Select(long index, JsonValue list) => new() { ["Fn::Select"] = new JsonArray { index.ToString(System.Globalization.CultureInfo.InvariantCulture), list } };

    public static JsonObject GetAZs() => new() { ["Fn::GetAZs"] = "" };

    public static JsonObject Cidr(JsonValue block, long count, long hostBits) => new() { ["Fn::Cidr"] = new JsonArray { block, count.ToString(System.Globalization.CultureInfo.InvariantCulture), hostBits.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static JsonArray List(params JsonValue[] items) => new(items);

    public static JsonArray Refs(params string[] logicalIds) => new(logicalIds.Select(id => (JsonValue)Ref(id)));

    /// <summary>A <c>Tags</c> list of Key/Value pairs.</summary>
    public static JsonArray Tags(params (string Key, JsonValue Value)[] tags) =>
        new(tags.Select(t => (JsonValue)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }));

    /// <summary>The tag every resource carries: its name, prefixed by the stack name.</summary>
    public static JsonArray NameTag(string suffix) => Tags(("Name", Sub("${AWS::StackName}-" + suffix)));
}
