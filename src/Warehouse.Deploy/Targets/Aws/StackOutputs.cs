using System.Globalization;
using Spectre.Console;
using Warehouse.Deploy.Targets.Aws.CloudFormation;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>What the later steps need from the stack: its outputs, or (an emulator that computes no outputs) its resources and parameters.</summary>
public sealed record StackOutputs(
    string BucketName, string GlueDatabase, string? CrawlerName, string? ClusterAddress, int? ClusterPort,
    string ClusterDatabase, string MasterUsername, string? RedshiftRoleArn, string? MasterUserSecretArn)
{
    public static async Task<StackOutputs> ReadAsync(IAmazonCloudFormationLite cloudFormation, Stack stack, StackTemplate template,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        var outputs = stack.Outputs.ToDictionary(o => o.OutputKey, o => o.OutputValue, StringComparer.Ordinal);
        var parameters = stack.Parameters.Where(p => p.ParameterValue is not null).ToDictionary(p => p.ParameterKey, p => p.ParameterValue!, StringComparer.Ordinal);
        string Parameter(string name) => parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : template.ParameterDefault(name) ?? "";

        Dictionary<string, string>? physical = null;
        async Task<string?> Resource(string logicalId)
        {
            physical ??= (await cloudFormation.DescribeStackResourcesAsync(new DescribeStackResourcesRequest { StackName = stack.StackName }, cancellationToken))
                .StackResources.Where(r => !string.IsNullOrEmpty(r.PhysicalResourceId))
                .ToDictionary(r => r.LogicalResourceId, r => r.PhysicalResourceId!, StringComparer.Ordinal);
            return physical.GetValueOrDefault(logicalId);
        }

        if (!outputs.ContainsKey("LakeBucketName"))
            console.MarkupLine("stack outputs missing (emulators do not compute all of them): reading the stack's resources and parameters instead");
        string bucket = outputs.GetValueOrDefault("LakeBucketName") ?? await Resource("LakeBucket")
            ?? throw new WarehouseException(ExitCodes.TargetUnreachable, $"stack {stack.StackName} has no lake bucket");
        // The Glue database is named by the CatalogDatabaseName parameter (moto does not create it from the template).
        string database = outputs.GetValueOrDefault("GlueDatabaseName") ?? Parameter("CatalogDatabaseName");
        return new StackOutputs(
            bucket,
            database,
            outputs.GetValueOrDefault("CrawlerName") ?? await Resource("LakeCrawler"),
            outputs.GetValueOrDefault("ClusterEndpointAddress"),
            outputs.TryGetValue("ClusterEndpointPort", out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : null,
            Parameter("ClusterDatabaseName"),
            Parameter("MasterUsername"),
            outputs.GetValueOrDefault("RedshiftRoleArn"),
            outputs.GetValueOrDefault("MasterUserSecretArn"));
    }
}
