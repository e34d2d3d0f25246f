using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The two service roles, with inline least-privilege policies scoped to the lake bucket and the Glue database:
/// Redshift reads the lake through the catalog; the crawler reads the landing prefixes and maintains tables.
/// </summary>
internal static class IamResources
{
    public static void Add(Template template, IReadOnlyList<NodeSpec> sources)
    {
        var bucketArn = Fn.GetAtt(LogicalIds.LakeBucket, "Arn");
        template.Resource(LogicalIds.RedshiftRole, "AWS::IAM::Role", new JsonObject
        {
            ["Description"] = "Lets Redshift Spectrum read the lake bucket through the Glue catalog.",
            ["AssumeRolePolicyDocument"] = AssumedBy("redshift.amazonaws.com"),
            ["Policies"] = new JsonArray
            {
                Policy("lake-read", new JsonArray
                {
                    Statement("ReadLakeObjects", new[] { "s3:GetObject" }, Fn.Sub("${" + LogicalIds.LakeBucket + ".Arn}/*")),
                    Statement("ListLakeBucket", new[] { "s3:GetBucketLocation", "s3:ListBucket" }, bucketArn),
                    Statement("ReadCatalog", new[]
                    {
                        "glue:GetDatabase", "glue:GetDatabases", "glue:GetPartition", "glue:GetPartitions", "glue:GetTable", "glue:GetTables",
                    }, CatalogArns()),
                }),
            },
            ["Tags"] = Fn.NameTag("redshift"),
        });

        template.Resource(LogicalIds.CrawlerRole, "AWS::IAM::Role", new JsonObject
        {
            ["Description"] = "Lets the Glue crawler read the landing prefixes and maintain the warehouse's Glue database.",
            ["AssumeRolePolicyDocument"] = AssumedBy("glue.amazonaws.com"),
            ["Policies"] = new JsonArray
            {
                Policy("crawl-lake", new JsonArray
                {
                    Statement("ReadLandingObjects", new[] { "s3:GetObject" }, LakeResources.LandingObjects(sources)),
                    Statement("ListLakeBucket", new[] { "s3:GetBucketLocation", "s3:ListBucket" }, bucketArn),
                    Statement("MaintainCatalog", new[]
                    {
                        "glue:BatchCreatePartition", "glue:BatchGetPartition", "glue:CreatePartition", "glue:CreateTable",
                        "glue:GetDatabase", "glue:GetPartition", "glue:GetPartitions", "glue:GetTable", "glue:GetTables",
                        "glue:UpdatePartition", "glue:UpdateTable",
                    }, CatalogArns()),
                    Statement("WriteCrawlerLogs", new[] { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" },
                        Fn.Sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws-glue/*")),
                }),
            },
            ["Tags"] = Fn.NameTag("glue-crawler"),
        });
    }

    /// <summary>The catalog, the warehouse's database and its tables.</summary>
    private static JsonArray CatalogArns() => new()
    {
        Fn.Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog"),
        Fn.Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:database/${" + LogicalIds.GlueDatabase + "}"),
        Fn.Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/${" + LogicalIds.GlueDatabase + "}/*"),
    };

    private static JsonObject AssumedBy(string service) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray
        {
            new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = service },
                ["Action"] = "sts:AssumeRole",
            },
        },
    };

    private static JsonObject Policy(string name, JsonArray statements) => new()
    {
        ["PolicyName"] = name,
        ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements },
    };

    private static JsonObject Statement(string sid, IEnumerable<string> actions, JsonValue resource) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(actions.Select(a => (JsonValue)a)),
        ["Resource"] = resource,
    };
}
