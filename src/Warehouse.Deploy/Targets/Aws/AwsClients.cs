using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Warehouse.Deploy.Targets.Aws.CloudFormation;
using Warehouse.Deploy.Targets.Aws.Glue;
using Warehouse.Deploy.Targets.Aws.Sdk;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>
/// The AWS clients of one deploy, all pointed at the same place: the region's public endpoints, or every one of them
/// at <c>--aws-endpoint</c> (an emulator such as moto; S3 then uses path-style addressing). Credentials come from
/// AWSSDK.Core's default chain (environment, profile, SSO, container/instance roles) unless given.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private AwsClients(IAmazonCloudFormationLite cloudFormation, IAmazonGlueLite glue, IAmazonS3 s3, ISecretsManagerLite secrets, string region)
    {
        CloudFormation = cloudFormation;
        Glue = glue;
        S3 = s3;
        Secrets = secrets;
        Region = region;
    }

    public IAmazonCloudFormationLite CloudFormation { get; }

    public IAmazonGlueLite Glue { get; }

    public IAmazonS3 S3 { get; }

    public ISecretsManagerLite Secrets { get; }

    public string Region { get; }

    /// <param name="region">--region, else AWS_REGION / AWS_DEFAULT_REGION / the profile's region (AWSSDK.Core's FallbackRegionFactory).</param>
    public static AwsClients Create(string? endpoint, string? region, AWSCredentials? credentials = null)
    {
        string resolvedRegion = region ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? (endpoint is not null ? "us-east-1" : throw new WarehouseException(ExitCodes.BadInput,
                "no AWS region: pass --region or set AWS_REGION (or a region in the AWS profile)"));

        var cloudFormationConfig = new AmazonCloudFormationLiteConfig();
        cloudFormationConfig.Apply(endpoint, resolvedRegion);
        var glueConfig = new AmazonGlueLiteConfig();
        glueConfig.Apply(endpoint, resolvedRegion);
        var secretsConfig = new SecretsManagerLiteConfig();
        secretsConfig.Apply(endpoint, resolvedRegion);
        var s3Config = new AmazonS3Config();
        if (endpoint is null)
        {
            s3Config.RegionEndpoint = RegionEndpoint.GetBySystemName(resolvedRegion);
        }
        else
        {
            s3Config.ServiceURL = endpoint;
            s3Config.ForcePathStyle = true;
            s3Config.AuthenticationRegion = resolvedRegion;
        }

        return new AwsClients(
            new AmazonCloudFormationLiteClient(credentials, cloudFormationConfig),
            new AmazonGlueLiteClient(credentials, glueConfig),
            credentials is null ? new AmazonS3Client(s3Config) : new AmazonS3Client(credentials, s3Config),
            new SecretsManagerLiteClient(credentials, secretsConfig),
            resolvedRegion);
    }

    public void Dispose()
    {
        CloudFormation.Dispose();
        Glue.Dispose();
        S3.Dispose();
        Secrets.Dispose();
    }
}
