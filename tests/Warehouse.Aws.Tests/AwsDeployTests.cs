using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Warehouse.Testing.Servers;

namespace Warehouse.Aws.Tests;

/// <summary>deploy --target aws against moto_server; what it made is checked through S3 and the aws CLI, not our clients.</summary>
[Collection(MotoServer.Collection)]
public sealed class AwsDeployTests(MotoServer moto) : IAsyncLifetime
{
    private const string TestPassword = "Redshift-Test-Pa55word!";
    private const string AwsCliMissing = "the aws CLI is not on PATH (pip install awscli); it checks the emulator independently";

    private readonly BankingArtifacts _banking = new();

    /// <summary>Every test starts from an empty emulator: the Glue database name (banking) is the template's default.</summary>
    public async Task InitializeAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(moto.EndpointUrl + "/moto-api/reset", null);
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        _banking.Dispose();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task Banking_stack_deploys_uploads_the_lake_registers_the_catalog_and_a_second_deploy_changes_nothing()
    {
        Skip.IfNot(BankingArtifacts.HasAwsCli, AwsCliMissing);
        var secrets = new Dictionary<string, string> { ["WAREHOUSE_REDSHIFT_PASSWORD"] = TestPassword };

        var first = await _banking.DeployAsync(moto.EndpointUrl, variables: secrets);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("(CREATE): 40 change(s)", first.Out);
        Assert.Contains("lake: 14 file(s) uploaded, 0 unchanged", first.Out);
        Assert.Contains("catalog: 14 table(s) created, 0 updated, 0 unchanged", first.Out);
        Assert.Contains("warehouse: skipped: --aws-endpoint points at an emulator", first.Out);

        // The stack's resources, through the emulator's own APIs.
        var resources = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "cloudformation", "describe-stack-resources", "--stack-name", _banking.StackName))["StackResources"]!
            // moto lists the Glue resources it does not create without ids.
            .AsArray().Where(r => r?["LogicalResourceId"] is not null)
            .ToDictionary(r => r!["LogicalResourceId"]!.GetValue<string>(), r => r!["PhysicalResourceId"]?.GetValue<string>() ?? "");
        string bucket = resources["LakeBucket"];
        string vpc = resources["Vpc"];

        var subnets = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpc}"))["Subnets"]!.AsArray();
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"], subnets.Select(s => s!["CidrBlock"]!.GetValue<string>()).Order());
        var roles = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "iam", "list-roles"))["Roles"]!.AsArray().Select(r => r!["RoleName"]!.GetValue<string>()).ToList();
        Assert.Contains(resources["RedshiftRole"], roles);
        Assert.Contains(resources["GlueCrawlerRole"], roles);
        var clusters = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "redshift", "describe-clusters"))["Clusters"]!.AsArray();
        Assert.Contains(clusters, c => c!["ClusterIdentifier"]!.GetValue<string>().StartsWith(_banking.StackName + "-", StringComparison.OrdinalIgnoreCase)
                                       && c["Encrypted"]!.GetValue<bool>() && !c["PubliclyAccessible"]!.GetValue<bool>());

        // Bronze files under the sources' prefixes.
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonS3Config { ServiceURL = moto.EndpointUrl, ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });
        Assert.Contains((await s3.ListBucketsAsync()).Buckets, b => b.BucketName == bucket);
        var keys = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Select(o => o.Key).ToList();
        Assert.Equal(14, keys.Count);
        Assert.Contains("landing/dim_accounts/dim_accounts.csv", keys);
        Assert.Contains("landing/fact_transactions/fact_transactions.csv", keys);

        // Glue tables with the model's columns.
        var table = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "glue", "get-table", "--database-name", "banking", "--name", "dim_accounts"))["Table"]!;
        Assert.Equal(["account_id bigint", "customer_id bigint", "account_number varchar(20)", "account_type varchar(20)", "account_balance decimal(18,2)", "credit_score int"],
            table["StorageDescriptor"]!["Columns"]!.AsArray().Select(c => $"{c!["Name"]} {c["Type"]}"));
        Assert.Equal($"s3://{bucket}/landing/dim_accounts/", table["StorageDescriptor"]!["Location"]!.GetValue<string>());

        var second = await _banking.DeployAsync(moto.EndpointUrl, variables: secrets);

        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Contains($"stack {_banking.StackName}: no changes (empty change set deleted)", second.Out);
        Assert.Contains("lake: 0 file(s) uploaded, 14 unchanged", second.Out);
        Assert.Contains("catalog: 0 table(s) created, 0 updated, 14 unchanged", second.Out);
        var changeSets = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "cloudformation", "list-change-sets", "--stack-name", _banking.StackName))["Summaries"]!.AsArray();
        Assert.DoesNotContain(changeSets, c => c!["Status"]!.GetValue<string>() == "FAILED");

        // The password given for Redshift appears in no output and no file the deploys wrote.
        foreach (var text in new[] { first.Out, first.Error, second.Out, second.Error })
            Assert.DoesNotContain(TestPassword, text);
        foreach (var file in _banking.Files)
            Assert.DoesNotContain(TestPassword, await File.ReadAllTextAsync(file));
    }

    [SkippableFact]
    public async Task An_added_source_column_shows_a_Modify_and_updates_the_Glue_table()
    {
        Skip.IfNot(BankingArtifacts.HasAwsCli, AwsCliMissing);
        var first = await _banking.DeployAsync(moto.EndpointUrl);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);

        _banking.AddAccountsColumn("opened_on", "DATE", "date");
        var second = await _banking.DeployAsync(moto.EndpointUrl);

        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Matches(@"\(UPDATE\): 1 change\(s\)", second.Out);
        Assert.Matches(@"Modify\s*│\s*DimAccountsTable\s*│\s*AWS::Glue::Table", second.Out);
        Assert.Contains("updated glue table banking.dim_accounts: add column opened_on date", second.Out);
        Assert.Contains("catalog: 0 table(s) created, 1 updated, 13 unchanged", second.Out);
        Assert.Contains("lake: 0 file(s) uploaded, 14 unchanged", second.Out);
        var columns = (await BankingArtifacts.AwsCliAsync(moto.EndpointUrl, "glue", "get-table", "--database-name", "banking", "--name", "dim_accounts"))
            ["Table"]!["StorageDescriptor"]!["Columns"]!.AsArray().Select(c => c!["Name"]!.GetValue<string>()).ToList();
        Assert.Equal("opened_on", columns[^1]);
        Assert.Equal(7, columns.Count);
    }

    [SkippableFact]
    public async Task A_changed_lake_file_is_uploaded_again()
    {
        var first = await _banking.DeployAsync(moto.EndpointUrl);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        string file = Path.Combine(_banking.Artifacts, "lake", "landing", "dim_channels", "dim_channels.csv");
        await File.AppendAllTextAsync(file, "99|Kiosk\r\n");

        var second = await _banking.DeployAsync(moto.EndpointUrl);

        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Contains("uploaded s3://", second.Out);
        Assert.Contains("/landing/dim_channels/dim_channels.csv", second.Out);
        Assert.Contains("lake: 1 file(s) uploaded, 13 unchanged", second.Out);
    }

    [SkippableFact]
    public async Task A_template_cfn_lint_rejects_is_not_deployed()
    {
        Skip.IfNot(BankingArtifacts.OnPath("cfn-lint"), "cfn-lint is not on PATH (pip install cfn-lint)");
        string path = Path.Combine(_banking.Artifacts, "cloudformation", "warehouse.json");
        var template = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        template["Resources"]!["Vpc"]!["Properties"]!["CidrBlock"] = 42;
        await File.WriteAllTextAsync(path, template.ToJsonString());

        var result = await _banking.DeployAsync(moto.EndpointUrl, withPath: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cfn-lint rejects cloudformation/warehouse.json; not deploying", result.Error);
        Assert.DoesNotContain("change set", result.Out);
    }
}
