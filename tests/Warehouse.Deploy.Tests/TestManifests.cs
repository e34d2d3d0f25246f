using System.Text.Json;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Tests;

/// <summary>The manifest blocks hand-written test manifests share, with the names the compiler gives them.</summary>
public static class TestManifests
{
    public static readonly ManifestBookkeeping Bookkeeping = new(
        "_warehouse", "_warehouse.processed_files", "_warehouse.loaded_files", "_warehouse.deploy_runs", "_warehouse.rejected_rows", "_warehouse.node_state",
        "_source_file", "_source_row", ["_batch_at", "_reason", "_rule", "_source_file", "_source_row"]);

    public static readonly ManifestAws Aws = new(
        "cloudformation/warehouse.json",
        new AwsOutputNames("LakeBucketName", "GlueDatabaseName", "CrawlerName", "ClusterEndpointAddress", "ClusterEndpointPort",
            "RedshiftRoleArn", "MasterUserSecretArn"),
        new AwsResourceNames("LakeBucket", "LakeCrawler"),
        new AwsParameterNames("CatalogDatabaseName", "ClusterDatabaseName", "MasterUsername"),
        new Dictionary<string, string> { ["glue_database"] = "GlueDatabaseName", ["redshift_iam_role"] = "RedshiftRoleArn" });

    /// <summary>The two blocks as JSON members, to splice into a manifest written as text.</summary>
    public static string Members => $"\"bookkeeping\": {JsonSerializer.Serialize(Bookkeeping)}, \"aws\": {JsonSerializer.Serialize(Aws)}";

    public static readonly ManifestColumnType BigInt = new("BIGINT");

    public static ManifestColumnType Varchar(int length) => new("VARCHAR", Length: length);

    public static ManifestColumnType Decimal(int precision, int scale) => new("DECIMAL", Precision: precision, Scale: scale);
}
