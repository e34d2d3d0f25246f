using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The S3 lake bucket and its policy. S3 has no folders: the landing prefixes exist as the Glue tables'
/// locations, and are listed in the bucket's metadata (and its tags while they fit S3's limits).
/// </summary>
internal static class LakeResources
{
    /// <summary>S3 allows 50 tags per bucket; leave room for the ones a team adds.</summary>
    private const int MaxPrefixTags = 40;

    private static readonly Regex TagText = new("^[A-Za-z0-9 _.:/=+@-]{1,256}$", RegexOptions.CultureInvariant);

    public static void Add(Template template, string project, IReadOnlyList<NodeSpec> sources)
    {
        var bucket = template.Resource(LogicalIds.LakeBucket, "AWS::S3::Bucket", new JsonObject
        {
            ["BucketName"] = Fn.If(Parameters.HasBucketName, Fn.Ref(Parameters.BucketName), Fn.Ref(Fn.NoValue)),
            ["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray
                {
                    new JsonObject { ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" } },
                },
            },
            ["VersioningConfiguration"] = new JsonObject { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new JsonObject
            {
                ["Rules"] = new JsonArray { new JsonObject { ["ObjectOwnership"] = "BucketOwnerEnforced" } },
            },
            ["LifecycleConfiguration"] = new JsonObject
            {
                ["Rules"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["Id"] = "expire-noncurrent-versions",
                        ["Status"] = "Enabled",
                        ["NoncurrentVersionExpiration"] = new JsonObject { ["NoncurrentDays"] = 90 },
                        ["AbortIncompleteMultipartUpload"] = new JsonObject { ["DaysAfterInitiation"] = 7 },
                    },
                },
            },
            ["Tags"] = Tags(project, sources),
        });
        bucket["DeletionPolicy"] = "Retain";
        bucket["UpdateReplacePolicy"] = "Retain";
        bucket["Metadata"] = new JsonObject
        {
            ["Warehouse::LandingPrefixes"] = new JsonArray(sources.Select(s => (JsonValue)new JsonObject
            {
                ["source"] = s.Id,
                ["prefix"] = s.Format!.Prefix,
                ["file_pattern"] = s.Format.FilePattern,
                ["delimiter"] = s.Format.Delimiter.ToString(),
                ["header"] = s.Format.Header,
            })),
        };

        template.Resource(LogicalIds.LakeBucketPolicy, "AWS::S3::BucketPolicy", new JsonObject
        {
            ["Bucket"] = Fn.Ref(LogicalIds.LakeBucket),
            ["PolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["Sid"] = "DenyInsecureTransport",
                        ["Effect"] = "Deny",
                        ["Principal"] = "*",
                        ["Action"] = "s3:*",
                        ["Resource"] = new JsonArray { Fn.GetAtt(LogicalIds.LakeBucket, "Arn"), Fn.Sub("${" + LogicalIds.LakeBucket + ".Arn}/*") },
                        ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
                    },
                },
            },
        });
    }

    /// <summary>The S3 object ARN pattern covering every landing prefix: <c>arn…:bucket/landing/*</c>.</summary>
    public static JsonValue LandingObjects(IReadOnlyList<NodeSpec> sources) =>
        Fn.Sub("${" + LogicalIds.LakeBucket + ".Arn}/" + CloudFormationText.SubLiteral(CommonFolder(sources.Select(s => s.Format!.Prefix).ToList())) + "*");

    /// <summary><c>s3://${LakeBucket}/landing/dim_accounts/</c>.</summary>
    public static JsonValue Location(string prefix) => Fn.Sub("s3://${" + LogicalIds.LakeBucket + "}/" + CloudFormationText.SubLiteral(Folder(prefix)));

    /// <summary>A prefix as a folder: no leading slash, one trailing slash (empty for the bucket's root).</summary>
    public static string Folder(string prefix)
    {
        var folder = prefix.Replace('\\', '/').Trim('/');
        return folder.Length == 0 ? string.Empty : folder + "/";
    }

    /// <summary>The longest folder every prefix lies in (<c>landing/</c>), or empty.</summary>
    private static string CommonFolder(IReadOnlyList<string> prefixes)
    {
        if (prefixes.Count == 0) return string.Empty;
        var folders = prefixes.Select(Folder).ToList();
        var common = folders[0];
        foreach (var folder in folders.Skip(1))
        {
            var length = 0;
            while (length < common.Length && length < folder.Length && common[length] == folder[length]) length++;
            common = common.Substring(0, length);
        }

        var slash = common.LastIndexOf('/');
        return slash < 0 ? string.Empty : common.Substring(0, slash + 1);
    }

    private static JsonArray Tags(string project, IReadOnlyList<NodeSpec> sources)
    {
        var tags = new List<(string, JsonValue)> { ("warehouse:project", TagText.IsMatch(project) ? project : "warehouse") };
        var prefixTags = sources
            .Select(s => (Key: "warehouse:landing:" + s.Id, Value: Folder(s.Format!.Prefix)))
            .Where(t => t.Value.Length > 0)
            .ToList();
        if (prefixTags.Count <= MaxPrefixTags && prefixTags.All(t => t.Key.Length <= 128 && TagText.IsMatch(t.Key) && TagText.IsMatch(t.Value)))
        {
            tags.AddRange(prefixTags.Select(t => (t.Key, (JsonValue)t.Value)));
        }

        return Fn.Tags(tags.ToArray());
    }
}
