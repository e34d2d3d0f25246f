using System.CommandLine;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary><c>deploy --target aws</c> and its options; the deploy itself is <see cref="AwsDeployCommand"/>.</summary>
public sealed class AwsTarget : IDeployTarget
{
    private readonly Option<string?> _endpoint = new("--aws-endpoint") { Description = "deploy --target aws: send every AWS call to this URL (an emulator such as moto_server); skips the Redshift SQL step" };
    private readonly Option<string?> _region = new("--region") { Description = "deploy --target aws: AWS region (default: AWS_REGION or the profile's)" };
    private readonly Option<string?> _stackName = new("--stack-name") { Description = "deploy --target aws: CloudFormation stack (default: <project>-warehouse)" };
    private readonly Option<bool> _yes = new("--yes") { Description = "deploy --target aws: execute the change set without asking" };
    private readonly Option<bool> _crawl = new("--crawl") { Description = "deploy --target aws: run the Glue crawler after registering the catalog and wait for it" };

    public string Name => "aws";

    public string Summary => "deploy only: CloudFormation stack, S3 lake, Glue catalog, Redshift";

    public IReadOnlyList<Option> Options => [_endpoint, _region, _stackName, _yes, _crawl];

    public Task<int> DeployAsync(IDeployHost host, ParseResult parse, CancellationToken cancellationToken) =>
        AwsDeployCommand.RunAsync(host,
            new AwsDeployOptions(parse.GetValue(_endpoint), parse.GetValue(_region), parse.GetValue(_stackName), parse.GetValue(_yes), parse.GetValue(_crawl)),
            cancellationToken);
}
