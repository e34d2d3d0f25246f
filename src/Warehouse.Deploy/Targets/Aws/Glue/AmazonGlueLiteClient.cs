using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Warehouse.Deploy.Targets.Aws.Sdk;

namespace Warehouse.Deploy.Targets.Aws.Glue;

/// <summary>The Glue operations the deploy uses, shaped like AWSSDK.Glue's IAmazonGlue.</summary>
public interface IAmazonGlueLite : IDisposable
{
    Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken = default);
    Task<CreateDatabaseResponse> CreateDatabaseAsync(CreateDatabaseRequest request, CancellationToken cancellationToken = default);
    Task<GetTablesResponse> GetTablesAsync(GetTablesRequest request, CancellationToken cancellationToken = default);
    Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken = default);
    Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default);
    Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken = default);
    Task<StartCrawlerResponse> StartCrawlerAsync(StartCrawlerRequest request, CancellationToken cancellationToken = default);
    Task<GetCrawlerResponse> GetCrawlerAsync(GetCrawlerRequest request, CancellationToken cancellationToken = default);
}

public sealed class AmazonGlueLiteConfig() : LiteClientConfig("Glue", "glue", "glue", "2017-03-31");

/// <summary>An error Glue answered with (ErrorCode is e.g. EntityNotFoundException), as AmazonGlueException.</summary>
public sealed class AmazonGlueException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
    : AmazonServiceException(message, errorType, errorCode, requestId, statusCode);

/// <summary>
/// Glue over AWS JSON 1.1 (POST /, X-Amz-Target: AWSGlue.&lt;Operation&gt;) on AWSSDK.Core's pipeline; see
/// Sdk/LiteServiceClient.cs for why this is not AWSSDK.Glue.
/// </summary>
public sealed class AmazonGlueLiteClient(AWSCredentials? credentials, AmazonGlueLiteConfig config)
    : LiteServiceClient(credentials, config), IAmazonGlueLite
{
    public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "GetDatabase", cancellationToken, r => Body(("CatalogId", r.CatalogId), ("Name", r.Name)),
            j => new GetDatabaseResponse { Database = j["Database"]?.Deserialize(GlueJson.Default.Database) });

    public Task<CreateDatabaseResponse> CreateDatabaseAsync(CreateDatabaseRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "CreateDatabase", cancellationToken,
            r => Body(("CatalogId", r.CatalogId), ("DatabaseInput", JsonSerializer.SerializeToNode(r.DatabaseInput, GlueJson.Default.DatabaseInput))),
            _ => new CreateDatabaseResponse());

    public Task<GetTablesResponse> GetTablesAsync(GetTablesRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "GetTables", cancellationToken, r => Body(("CatalogId", r.CatalogId), ("DatabaseName", r.DatabaseName), ("NextToken", r.NextToken)),
            j => new GetTablesResponse
            {
                TableList = j["TableList"]?.Deserialize(GlueJson.Default.ListTable) ?? [],
                NextToken = j["NextToken"]?.GetValue<string>() is { Length: > 0 } token ? token : null,
            });

    public Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "GetTable", cancellationToken, r => Body(("CatalogId", r.CatalogId), ("DatabaseName", r.DatabaseName), ("Name", r.Name)),
            j => new GetTableResponse { Table = j["Table"]?.Deserialize(GlueJson.Default.Table) });

    public Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "CreateTable", cancellationToken,
            r => Body(("CatalogId", r.CatalogId), ("DatabaseName", r.DatabaseName), ("TableInput", JsonSerializer.SerializeToNode(r.TableInput, GlueJson.Default.TableInput))),
            _ => new CreateTableResponse());

    public Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "UpdateTable", cancellationToken,
            r => Body(("CatalogId", r.CatalogId), ("DatabaseName", r.DatabaseName), ("TableInput", JsonSerializer.SerializeToNode(r.TableInput, GlueJson.Default.TableInput))),
            _ => new UpdateTableResponse());

    public Task<StartCrawlerResponse> StartCrawlerAsync(StartCrawlerRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "StartCrawler", cancellationToken, r => Body(("Name", r.Name)), _ => new StartCrawlerResponse());

    public Task<GetCrawlerResponse> GetCrawlerAsync(GetCrawlerRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "GetCrawler", cancellationToken, r => Body(("Name", r.Name)),
            j => new GetCrawlerResponse { Crawler = j["Crawler"]?.Deserialize(GlueJson.Default.Crawler) });

    private static JsonObject Body(params (string Name, object? Value)[] members)
    {
        var body = new JsonObject();
        foreach (var (name, value) in members)
        {
            switch (value)
            {
                case null: break;
                case string text: body[name] = text; break;
                case JsonNode node: body[name] = node; break;
                default: throw new ArgumentException($"unsupported member {name}", nameof(members));
            }
        }
        return body;
    }

    private Task<TResponse> Call<TRequest, TResponse>(TRequest request, string operation, CancellationToken cancellationToken,
        Func<TRequest, JsonObject> body, Func<JsonNode, TResponse> read)
        where TRequest : AmazonWebServiceRequest where TResponse : AmazonWebServiceResponse, new()
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = new JsonMarshaller<TRequest>(operation, body),
            ResponseUnmarshaller = new JsonUnmarshaller<TResponse>(read),
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }

    private sealed class JsonMarshaller<TRequest>(string operation, Func<TRequest, JsonObject> body) : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TRequest : AmazonWebServiceRequest
    {
        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            IRequest request = new DefaultRequest(input, "Amazon.Glue");
            request.Headers["X-Amz-Target"] = "AWSGlue." + operation;
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            request.Content = Encoding.UTF8.GetBytes(body((TRequest)input).ToJsonString());
            return request;
        }
    }

    private sealed class JsonUnmarshaller<TResponse>(Func<JsonNode, TResponse> read) : JsonResponseUnmarshaller
        where TResponse : AmazonWebServiceResponse
    {
        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
        {
            using var reader = new StreamReader(input.Stream, Encoding.UTF8);
            string text = reader.ReadToEnd();
            return read(string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject());
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
        {
            string code = "", message = "";
            try
            {
                using var reader = new StreamReader(input.Stream, Encoding.UTF8);
                if (JsonNode.Parse(reader.ReadToEnd()) is JsonObject error)
                {
                    code = (error["__type"] ?? error["code"])?.GetValue<string>() ?? "";
                    message = (error["message"] ?? error["Message"])?.GetValue<string>() ?? "";
                }
            }
            catch (JsonException)
            {
                message = $"Glue answered HTTP {(int)statusCode} without a JSON error";
            }
            // "aws.protocols#Namespace#Code:http://..." -> Code
            code = code.Split(':')[0];
            code = code[(code.LastIndexOf('#') + 1)..];
            if (code.Length == 0 && input.ResponseData?.GetHeaderValue("x-amzn-ErrorType") is { Length: > 0 } header)
                code = header.Split(':')[0];
            var requestId = input.ResponseData?.GetHeaderValue("x-amzn-RequestId") ?? "";
            return new AmazonGlueException(message, (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender, code, requestId, statusCode);
        }
    }
}
