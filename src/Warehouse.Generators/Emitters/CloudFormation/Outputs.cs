namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>The template's output keys; the manifest's <c>aws</c> block names the ones the runner reads.</summary>
internal static class Outputs
{
    public const string ClusterEndpointAddress = "ClusterEndpointAddress";
    public const string ClusterEndpointPort = "ClusterEndpointPort";
    public const string LakeBucketName = "LakeBucketName";
    public const string GlueDatabaseName = "GlueDatabaseName";
    public const string CrawlerName = "CrawlerName";
    public const string RedshiftRoleArn = "RedshiftRoleArn";
    public const string GlueCrawlerRoleArn = "GlueCrawlerRoleArn";
    public const string MasterUserSecretArn = "MasterUserSecretArn";
    public const string VpcId = "VpcId";
}
