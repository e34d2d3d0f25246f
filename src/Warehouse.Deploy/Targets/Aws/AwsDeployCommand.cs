using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Spectre.Console;
using Warehouse.Deploy.Engines.Redshift;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>Options of <c>deploy --target aws</c>.</summary>
public sealed record AwsDeployOptions(string? Endpoint, string? Region, string? StackName, bool Yes, bool Crawl)
{
    public bool IsEmulator => Endpoint is not null;
}

/// <summary>
/// <c>deploy --target aws</c>: (a) the stack from cloudformation/warehouse.json through a change set, (b) the lake's
/// bronze files to the stack's bucket, (c) the Glue tables to match the model (optionally crawling), (d) the
/// redshift/ SQL and tests on the cluster. With --aws-endpoint (an emulator) step (d) is skipped: it cannot run SQL.
/// </summary>
public static class AwsDeployCommand
{
    /// <summary>Where the Redshift admin password may come from, before the stack's Secrets Manager secret.</summary>
    public const string PasswordVariable = "WAREHOUSE_REDSHIFT_PASSWORD";

    public static async Task<int> RunAsync(IDeployHost host, AwsDeployOptions options, CancellationToken cancellationToken)
    {
        var console = host.Console;
        string stackName = options.StackName ?? DefaultStackName(host.Manifest.Project);
        var template = StackTemplate.Parse(host.Artifacts.Read(host.Manifest.Aws.Template), host.Manifest.Aws.Template);
        await LintAsync(host, template, cancellationToken);

        if (!options.Yes && !host.Interactive)
            throw new WarehouseException(ExitCodes.BadInput,
                "deploy --target aws changes AWS resources and asks before executing the change set; this terminal is not interactive, so pass --yes to deploy without asking");

        if (options.IsEmulator)
        {
            int expanded = template.ExpandCidrFunctionsForEmulator(new Dictionary<string, string>());
            if (expanded > 0)
                console.MarkupLineInterpolated($"emulator: {expanded} Fn::Cidr expanded to literal CIDRs (moto does not implement Fn::Cidr; AWS gets the template as generated)");
        }

        // The local lake first: a --data folder that does not fit the sources, or a model with no data generator, is
        // refused before the change set touches AWS, never after the stack is deployed.
        host.PrepareLake();

        using var clients = AwsClients.Create(options.Endpoint, options.Region);
        console.MarkupLineInterpolated($"aws: region {clients.Region}{(options.IsEmulator ? $", endpoint {options.Endpoint}" : "")}, stack {stackName}");
        try
        {
            // (a) infrastructure
            var deployer = new StackDeployer(clients.CloudFormation, console, options.IsEmulator ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5));
            var stack = await deployer.DeployAsync(stackName, template, () => options.Yes || console.Confirm("Execute this change set?", defaultValue: false), cancellationToken);
            var outputs = await StackOutputs.ReadAsync(clients.CloudFormation, stack.Stack, template, host.Manifest.Aws, console, cancellationToken);

            // (b) lake (prepared locally before anything changed in AWS)
            await new LakeUploader(clients.S3, console).UploadAsync(outputs.BucketName, host.Manifest, host.LakeRoot, cancellationToken);

            // (c) catalog
            await new CatalogSync(clients.Glue, console).SyncAsync(outputs.GlueDatabase, template.GlueTables(outputs.BucketName), cancellationToken);
            if (options.Crawl)
            {
                if (options.IsEmulator)
                    console.MarkupLine("crawl: skipped: the emulator cannot run a Glue crawler (moto has no classifiers and does not create crawlers from CloudFormation)");
                else
                    await new CrawlerRunner(clients.Glue, console).RunAsync(outputs.CrawlerName, cancellationToken);
            }

            // (d) warehouse
            if (options.IsEmulator)
            {
                console.MarkupLine("warehouse: skipped: --aws-endpoint points at an emulator, which cannot run SQL on Redshift " +
                                   "(the redshift/ SQL is covered by snapshots and the PostgreSQL executor tests)");
                return ExitCodes.Ok;
            }
            return await RunWarehouseAsync(host, clients, outputs, cancellationToken);
        }
        catch (AmazonServiceException e)
        {
            // The service's message names the resource and the reason; requests never carry the Redshift password.
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"AWS {e.ErrorCode}: {e.Message}", e);
        }
        catch (AmazonClientException e)
        {
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"AWS: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            string where = options.Endpoint ?? $"AWS ({clients.Region})";
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"cannot reach {where}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    /// <summary>"Banking" -> "banking-warehouse".</summary>
    public static string DefaultStackName(string project) =>
        new string(project.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-') + "-warehouse";

    private static async Task LintAsync(IDeployHost host, StackTemplate template, CancellationToken cancellationToken)
    {
        var console = host.Console;
        string? lint = Executables.Find("cfn-lint", host.Variable("PATH"));
        if (lint is null)
        {
            console.MarkupLine("cfn-lint: not on PATH, template not linted");
            return;
        }
        string file = Path.Combine(Path.GetTempPath(), $"warehouse-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, template.Body, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(lint) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                string findings = ((await output) + (await error)).Replace(file, template.Path, StringComparison.Ordinal).Trim();
                throw new WarehouseException(ExitCodes.BadInput, $"cfn-lint rejects {template.Path}; not deploying:\n{findings}");
            }
            console.MarkupLine("cfn-lint: template ok");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> RunWarehouseAsync(IDeployHost host, AwsClients clients, StackOutputs outputs, CancellationToken cancellationToken)
    {
        var console = host.Console;
        if (outputs.ClusterAddress is null)
            throw new WarehouseException(ExitCodes.TargetUnreachable, "the stack has no ClusterEndpointAddress output");
        string? password = host.Variable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (outputs.MasterUserSecretArn is null)
                throw new WarehouseException(ExitCodes.BadInput,
                    $"no Redshift password: set {PasswordVariable}, or deploy with ManageMasterPassword=true so the stack outputs MasterUserSecretArn");
            string secret = await clients.Secrets.GetSecretStringAsync(outputs.MasterUserSecretArn, cancellationToken);
            password = JsonNode.Parse(secret)?["password"]?.GetValue<string>()
                ?? throw new WarehouseException(ExitCodes.BadInput, "the master user secret has no 'password' key");
        }

        var connection = RedshiftConnection.For(outputs.ClusterAddress, outputs.ClusterPort, outputs.ClusterDatabase, outputs.MasterUsername, password);
        console.MarkupLineInterpolated($"warehouse: redshift {outputs.ClusterAddress}:{connection.Port}/{outputs.ClusterDatabase} as {outputs.MasterUsername}");
        // The manifest names the stack output each Redshift variable takes (glue_database, redshift_iam_role).
        var extra = host.Manifest.Aws.Variables.ToDictionary(v => v.Key, v => outputs.Values.GetValueOrDefault(v.Value) ?? "", StringComparer.Ordinal);
        await using var engine = new RedshiftEngine(connection);
        return await host.RunWarehouseAsync(engine, extra, cancellationToken);
    }
}
