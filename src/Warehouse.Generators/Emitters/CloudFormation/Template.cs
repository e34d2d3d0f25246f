namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// A CloudFormation template under construction: one object per section, written in the conventional section
/// order. Keys within a section keep the order they were added in, so the output is deterministic.
/// </summary>
internal sealed class Template
{
    public string Description { get; set; } = string.Empty;

    public JsonObject Metadata { get; } = new();

    public JsonObject Parameters { get; } = new();

    public JsonObject Rules { get; } = new();

    public JsonObject Conditions { get; } = new();

    public JsonObject Resources { get; } = new();

    public JsonObject Outputs { get; } = new();

    /// <summary>Adds a resource and returns it, so the caller can add attributes such as DeletionPolicy after Properties.</summary>
    public JsonObject Resource(string logicalId, string type, JsonObject properties, string? condition = null)
    {
        var resource = new JsonObject { ["Type"] = type };
        if (condition is not null) resource["Condition"] = condition;
        resource["Properties"] = properties;
        Resources[logicalId] = resource;
        return resource;
    }

    /// <summary>Adds an output exported as <c>${AWS::StackName}-name</c>.</summary>
    public void Output(string name, string description, JsonValue value, string? condition = null)
    {
        var output = new JsonObject { ["Description"] = description };
        if (condition is not null) output["Condition"] = condition;
        output["Value"] = value;
        output["Export"] = new JsonObject { ["Name"] = Fn.Sub("${AWS::StackName}-" + name) };
        Outputs[name] = output;
    }

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = Description,
        };
        if (Metadata.Count > 0) root["Metadata"] = Metadata;
        if (Parameters.Count > 0) root["Parameters"] = Parameters;
        if (Rules.Count > 0) root["Rules"] = Rules;
        if (Conditions.Count > 0) root["Conditions"] = Conditions;
        root["Resources"] = Resources;
        if (Outputs.Count > 0) root["Outputs"] = Outputs;
        return root.ToJson();
    }
}
