using Warehouse.Deploy.Targets.Aws;
using Warehouse.Deploy.Targets.Aws.Glue;
using Warehouse.Deploy.Cli;

namespace Warehouse.Aws.Tests;

/// <summary>What deploy --target aws decides before (or without) talking to AWS.</summary>
public sealed class AwsDeployOfflineTests : IDisposable
{
    private readonly BankingArtifacts _banking = new();

    public void Dispose() => _banking.Dispose();

    [Fact]
    public async Task Without_yes_a_non_interactive_deploy_refuses_before_any_AWS_call()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, _banking.Root, _ => null, Interactive: false);

        // Port 9 (discard): were any call made, it would fail with a connection error instead.
        int exitCode = await WarehouseCli.RunAsync(["deploy", "--target", "aws", "--aws-endpoint", "http://127.0.0.1:9", "--artifacts", _banking.Artifacts],
            null, environment, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("not interactive, so pass --yes", error.ToString());
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_exit_code_2_with_one_line()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        var error = new StringWriter();
        var environment = new CliEnvironment(new StringWriter(), error, _banking.Root, _ => null, Interactive: false);

        // With the sample's generator: the local lake is prepared before the first AWS call, so the endpoint is what fails.
        int exitCode = await WarehouseCli.RunAsync(["deploy", "--target", "aws", "--aws-endpoint", "http://127.0.0.1:9", "--yes", "--artifacts", _banking.Artifacts],
            null, Banking.BankingRunner.Extensions, environment, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: cannot reach http://127.0.0.1:9: ", error.ToString());
    }

    [Fact]
    public async Task An_empty_lake_is_filled_by_the_default_generator_before_any_AWS_call()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        var error = new StringWriter();
        var environment = new CliEnvironment(new StringWriter(), error, _banking.Root, _ => null, Interactive: false);
        string emptyLake = Directory.CreateTempSubdirectory("warehouse-empty-lake-").FullName;

        // Without the sample's generator the runner's default one fills the lake; then AWS is called (port 9: unreachable).
        int exitCode = await WarehouseCli.RunAsync(["deploy", "--target", "aws", "--aws-endpoint", "http://127.0.0.1:9", "--yes",
                "--artifacts", _banking.Artifacts, "--lake", emptyLake],
            null, environment, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: cannot reach http://127.0.0.1:9: ", error.ToString());
        Assert.NotEmpty(Directory.EnumerateFiles(emptyLake, "*.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Other_commands_reject_target_aws()
    {
        var error = new StringWriter();
        var environment = new CliEnvironment(new StringWriter(), error, _banking.Root, _ => null, Interactive: false);

        int exitCode = await WarehouseCli.RunAsync(["test", "--target", "aws", "--artifacts", _banking.Artifacts], null, environment, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("--target aws is for deploy only", error.ToString());
    }

    [Fact]
    public void Emulator_template_gets_the_subnet_blocks_Fn_Cidr_would_compute()
    {
        var template = StackTemplate.Parse(File.ReadAllText(Path.Combine(_banking.Artifacts, "cloudformation", "warehouse.json")), "cloudformation/warehouse.json");

        int expanded = template.ExpandCidrFunctionsForEmulator(new Dictionary<string, string> { ["VpcCidr"] = "10.20.0.0/16" });

        Assert.Equal(4, expanded);
        Assert.DoesNotContain("Fn::Cidr", template.Body);
        Assert.Contains("\"10.20.3.0/24\"", template.Body);
    }

    [Fact]
    public void Glue_tables_come_from_the_template_with_the_bucket_resolved()
    {
        var template = StackTemplate.Parse(File.ReadAllText(Path.Combine(_banking.Artifacts, "cloudformation", "warehouse.json")), "cloudformation/warehouse.json");

        var tables = template.GlueTables("my-lake");

        Assert.Equal(14, tables.Count);
        var accounts = tables.Single(t => t.Name == "dim_accounts");
        Assert.Equal("s3://my-lake/landing/dim_accounts/", accounts.StorageDescriptor!.Location);
        Assert.Equal("|", accounts.StorageDescriptor.SerdeInfo!.Parameters!["field.delim"]);
    }

    [Fact]
    public void Catalog_differences_name_added_changed_and_dropped_columns()
    {
        var actual = new Table { StorageDescriptor = new StorageDescriptor { Location = "s3://b/p/", Columns = [new() { Name = "a", Type = "int" }, new() { Name = "b", Type = "int" }] } };
        var wanted = new TableInput { StorageDescriptor = new StorageDescriptor { Location = "s3://b/p/", Columns = [new() { Name = "a", Type = "bigint" }, new() { Name = "c", Type = "date" }] } };

        Assert.Equal(["column a int -> bigint", "add column c date", "drop column b"], CatalogSync.Differences(actual, wanted));
        Assert.Empty(CatalogSync.Differences(actual, new TableInput { StorageDescriptor = actual.StorageDescriptor }));
    }

    [Fact]
    public void Stack_name_defaults_from_the_project() => Assert.Equal("banking-warehouse", AwsDeployCommand.DefaultStackName("Banking"));
}
