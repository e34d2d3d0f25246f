using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Spectre.Console;
using Warehouse.Deploy.Lake;
using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Targets.Aws;

public sealed record LakeUploadResult(int Uploaded, int Unchanged, long BytesUploaded);

/// <summary>
/// Step (b): the local lake's bronze files (each source's, <see cref="LakeFiles"/>) go to s3://bucket/&lt;source prefix&gt;&lt;file&gt;.
/// TransferUtility switches to multipart above 16 MiB. A file already there with the same size and MD5 is skipped:
/// the MD5 is compared with the ETag for single-part objects and with the <c>x-amz-meta-warehouse-md5</c> metadata
/// every upload sets (multipart ETags are not an MD5 of the content).
/// </summary>
public sealed class LakeUploader(IAmazonS3 s3, IAnsiConsole console)
{
    public const string Md5Metadata = "warehouse-md5";

    public async Task<LakeUploadResult> UploadAsync(string bucket, WarehouseManifest manifest, string lakeRoot, CancellationToken cancellationToken)
    {
        int uploaded = 0, unchanged = 0;
        long bytes = 0;
        using var transfer = new TransferUtility(s3);
        foreach (var source in manifest.Sources.Where(s => s.Source is not null).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var files = LakeFiles.Of(lakeRoot, source.Source!);
            if (files.Count == 0)
                continue;
            string prefix = source.Source!.Prefix.TrimStart('/');
            if (!prefix.EndsWith('/')) prefix += "/";
            var remote = await ListAsync(bucket, prefix, cancellationToken);
            foreach (var file in files)
            {
                string key = prefix + Path.GetFileName(file);
                var info = new FileInfo(file);
                string md5 = await Md5Async(file, cancellationToken);
                if (remote.TryGetValue(key, out var existing) && existing.Size == info.Length &&
                    await SameContentAsync(bucket, existing, md5, cancellationToken))
                {
                    unchanged++;
                    continue;
                }

                var request = new TransferUtilityUploadRequest { BucketName = bucket, Key = key, FilePath = file };
                request.Metadata.Add(Md5Metadata, md5);
                await transfer.UploadAsync(request, cancellationToken);
                console.MarkupLineInterpolated($"  uploaded s3://{bucket}/{key} ({info.Length:N0} bytes)");
                uploaded++;
                bytes += info.Length;
            }
        }
        console.MarkupLineInterpolated($"lake: {uploaded} file(s) uploaded, {unchanged} unchanged, to s3://{bucket}/");
        return new LakeUploadResult(uploaded, unchanged, bytes);
    }

    private async Task<Dictionary<string, S3Object>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, S3Object>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
                objects[item.Key] = item;
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return objects;
    }

    private async Task<bool> SameContentAsync(string bucket, S3Object existing, string md5, CancellationToken cancellationToken)
    {
        string etag = existing.ETag?.Trim('"') ?? "";
        if (!etag.Contains('-', StringComparison.Ordinal))
            return string.Equals(etag, md5, StringComparison.OrdinalIgnoreCase);
        var head = await s3.GetObjectMetadataAsync(bucket, existing.Key, cancellationToken);
        return string.Equals(head.Metadata[Md5Metadata], md5, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        // MD5 is what S3 puts in a single-part ETag; it is a change detector here, not a security measure.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken));
#pragma warning restore CA5351
    }
}
