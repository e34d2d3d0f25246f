using System.Globalization;
using Spectre.Console;
using Warehouse.Deploy.Targets.Aws.CloudFormation;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>
/// What the later steps need from the stack: its outputs, or (an emulator that computes no outputs) its resources and
/// parameters, each named by the manifest's <c>aws</c> block. <see cref="Values"/> holds every output by key as
/// resolved, fallbacks included: the values the manifest's Redshift variables take.
/// </summary>
public sealed record StackOutputs(
    string BucketName, string GlueDatabase, string? CrawlerName, string? ClusterAddress, int? ClusterPort,
    string ClusterDatabase, string MasterUsername, string? RedshiftRoleArn, string? MasterUserSecretArn,
    IReadOnlyDictionary<string, string> Values)
{
    public static async Task<StackOutputs> ReadAsync(IAmazonCloudFormationLite cloudFormation, Stack stack, StackTemplate template,
        ManifestAws names, IAnsiConsole console, CancellationToken cancellationToken)
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

        var keys = names.Outputs;
        if (!outputs.ContainsKey(keys.LakeBucket))
            console.MarkupLine("stack outputs missing (emulators do not compute all of them): reading the stack's resources and parameters instead");
        string bucket = outputs.GetValueOrDefault(keys.LakeBucket) ?? await Resource(names.Resources.LakeBucket)
            ?? throw new WarehouseException(ExitCodes.TargetUnreachable, $"stack {stack.StackName} has no lake bucket");
        // The Glue database is named by its parameter (moto does not create it from the template).
        string database = outputs.GetValueOrDefault(keys.GlueDatabase) ?? Parameter(names.Parameters.CatalogDatabase);
        string? crawler = outputs.GetValueOrDefault(keys.Crawler) ?? await Resource(names.Resources.Crawler);
        var values = new Dictionary<string, string>(outputs, StringComparer.Ordinal)
        {
            [keys.LakeBucket] = bucket,
            [keys.GlueDatabase] = database,
        };
        if (crawler is not null)
            values[keys.Crawler] = crawler;
        return new StackOutputs(
            bucket,
            database,
            crawler,
            outputs.GetValueOrDefault(keys.ClusterAddress),
            outputs.TryGetValue(keys.ClusterPort, out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : null,
            Parameter(names.Parameters.ClusterDatabase),
            Parameter(names.Parameters.MasterUsername),
            outputs.GetValueOrDefault(keys.RedshiftRoleArn),
            outputs.GetValueOrDefault(keys.MasterUserSecretArn),
            values);
    }
}
