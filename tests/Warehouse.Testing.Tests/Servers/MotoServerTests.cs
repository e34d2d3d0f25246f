using Amazon.Runtime;
using Amazon.S3;
using Warehouse.Testing.Servers;
using Xunit;

namespace Warehouse.Testing.Tests.Servers;

[Collection(MotoServer.Collection)]
public sealed class MotoServerTests(MotoServer moto)
{
    [SkippableFact]
    public async Task Answers_S3_ListBuckets()
    {
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonS3Config { ServiceURL = moto.EndpointUrl, ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });
        await s3.PutBucketAsync("warehouse-lake");

        var buckets = await s3.ListBucketsAsync();

        Assert.Contains(buckets.Buckets, bucket => bucket.BucketName == "warehouse-lake");
    }
}
