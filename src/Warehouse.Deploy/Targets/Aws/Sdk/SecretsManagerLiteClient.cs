using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Warehouse.Deploy.Targets.Aws.Sdk;

/// <summary>GetSecretValue only (AWSSDK.SecretsManager is not obtainable here either; see LiteServiceClient.cs).</summary>
public interface ISecretsManagerLite : IDisposable
{
    /// <summary>The secret's SecretString. Callers must never print or log it.</summary>
    Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken = default);
}

public sealed class SecretsManagerLiteConfig() : LiteClientConfig("Secrets Manager", "secretsmanager", "secretsmanager", "2017-10-17");

public sealed class GetSecretValueRequest : AmazonWebServiceRequest
{
    public string SecretId { get; set; } = "";
}

public sealed class GetSecretValueResponse : AmazonWebServiceResponse
{
    public string? SecretString { get; set; }
}

public sealed class SecretsManagerLiteClient(AWSCredentials? credentials, SecretsManagerLiteConfig config)
    : LiteServiceClient(credentials, config), ISecretsManagerLite
{
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken = default)
    {
        var options = new InvokeOptions { RequestMarshaller = new Marshaller(), ResponseUnmarshaller = new Unmarshaller() };
        var response = await InvokeAsync<GetSecretValueResponse>(new GetSecretValueRequest { SecretId = secretId }, options, cancellationToken);
        return response.SecretString ?? "";
    }

    private sealed class Marshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            IRequest request = new DefaultRequest(input, "Amazon.SecretsManager");
            request.Headers["X-Amz-Target"] = "secretsmanager.GetSecretValue";
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            request.Content = Encoding.UTF8.GetBytes(new JsonObject { ["SecretId"] = ((GetSecretValueRequest)input).SecretId }.ToJsonString());
            return request;
        }
    }

    private sealed class Unmarshaller : JsonResponseUnmarshaller
    {
        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
        {
            using var reader = new StreamReader(input.Stream, Encoding.UTF8);
            return new GetSecretValueResponse { SecretString = JsonNode.Parse(reader.ReadToEnd())?["SecretString"]?.GetValue<string>() };
        }

        // The error body never contains the secret; only its code is kept.
        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
        {
            string code = input.ResponseData?.GetHeaderValue("x-amzn-ErrorType")?.Split(':')[0] ?? "";
            return new AmazonServiceException($"Secrets Manager refused GetSecretValue ({code}, HTTP {(int)statusCode})",
                ErrorType.Sender, code, input.ResponseData?.GetHeaderValue("x-amzn-RequestId") ?? "", statusCode);
        }
    }
}
