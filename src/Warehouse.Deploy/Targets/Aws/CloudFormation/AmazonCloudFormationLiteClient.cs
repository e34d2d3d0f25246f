using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Warehouse.Deploy.Targets.Aws.Sdk;

namespace Warehouse.Deploy.Targets.Aws.CloudFormation;

/// <summary>The CloudFormation operations the deploy uses, shaped like AWSSDK.CloudFormation's IAmazonCloudFormation.</summary>
public interface IAmazonCloudFormationLite : IDisposable
{
    Task<CreateChangeSetResponse> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default);
    Task<DescribeChangeSetResponse> DescribeChangeSetAsync(DescribeChangeSetRequest request, CancellationToken cancellationToken = default);
    Task<ExecuteChangeSetResponse> ExecuteChangeSetAsync(ExecuteChangeSetRequest request, CancellationToken cancellationToken = default);
    Task<DeleteChangeSetResponse> DeleteChangeSetAsync(DeleteChangeSetRequest request, CancellationToken cancellationToken = default);
    Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken cancellationToken = default);
    Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken cancellationToken = default);
    Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken cancellationToken = default);
}

public sealed class AmazonCloudFormationLiteConfig() : LiteClientConfig("CloudFormation", "cloudformation", "cloudformation", "2010-05-15");

/// <summary>An error CloudFormation answered with (Code is e.g. ValidationError), as AmazonCloudFormationException.</summary>
public sealed class AmazonCloudFormationException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
    : AmazonServiceException(message, errorType, errorCode, requestId, statusCode);

/// <summary>
/// CloudFormation over the AWS Query protocol (form-encoded POST, XML answers) on AWSSDK.Core's pipeline; see
/// Sdk/LiteServiceClient.cs for why this is not AWSSDK.CloudFormation.
/// </summary>
public sealed class AmazonCloudFormationLiteClient(AWSCredentials? credentials, AmazonCloudFormationLiteConfig config)
    : LiteServiceClient(credentials, config), IAmazonCloudFormationLite
{
    private const string Version = "2010-05-15";

    public Task<CreateChangeSetResponse> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "CreateChangeSet", cancellationToken, r =>
        {
            var p = new List<KeyValuePair<string, string>>
            {
                new("StackName", r.StackName), new("ChangeSetName", r.ChangeSetName), new("ChangeSetType", r.ChangeSetType),
            };
            if (r.TemplateBody is not null) p.Add(new("TemplateBody", r.TemplateBody));
            if (r.Description is not null) p.Add(new("Description", r.Description));
            for (int i = 0; i < r.Capabilities.Count; i++)
                p.Add(new($"Capabilities.member.{i + 1}", r.Capabilities[i]));
            for (int i = 0; i < r.Parameters.Count; i++)
            {
                var parameter = r.Parameters[i];
                p.Add(new($"Parameters.member.{i + 1}.ParameterKey", parameter.ParameterKey));
                if (parameter.ParameterValue is not null) p.Add(new($"Parameters.member.{i + 1}.ParameterValue", parameter.ParameterValue));
                if (parameter.UsePreviousValue is { } previous) p.Add(new($"Parameters.member.{i + 1}.UsePreviousValue", previous ? "true" : "false"));
            }
            return p;
        }, x => new CreateChangeSetResponse { Id = Text(x, "Id"), StackId = Text(x, "StackId") });

    public Task<DescribeChangeSetResponse> DescribeChangeSetAsync(DescribeChangeSetRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "DescribeChangeSet", cancellationToken, r => WithToken(r.NextToken, new KeyValuePair<string, string>("StackName", r.StackName), new KeyValuePair<string, string>("ChangeSetName", r.ChangeSetName)),
            x => new DescribeChangeSetResponse
            {
                ChangeSetId = Text(x, "ChangeSetId"),
                ChangeSetName = Text(x, "ChangeSetName"),
                Status = Text(x, "Status"),
                StatusReason = OptionalText(x, "StatusReason"),
                ExecutionStatus = Text(x, "ExecutionStatus"),
                NextToken = OptionalText(x, "NextToken"),
                Changes = Members(x, "Changes").Select(c => new Change
                {
                    Type = OptionalText(c, "Type") ?? "Resource",
                    ResourceChange = Child(c, "ResourceChange") is { } rc
                        ? new ResourceChange
                        {
                            Action = Text(rc, "Action"),
                            LogicalResourceId = Text(rc, "LogicalResourceId"),
                            PhysicalResourceId = OptionalText(rc, "PhysicalResourceId"),
                            ResourceType = Text(rc, "ResourceType"),
                            Replacement = OptionalText(rc, "Replacement"),
                        }
                        : new ResourceChange(),
                }).ToList(),
            });

    public Task<ExecuteChangeSetResponse> ExecuteChangeSetAsync(ExecuteChangeSetRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "ExecuteChangeSet", cancellationToken, r => [new("StackName", r.StackName), new("ChangeSetName", r.ChangeSetName)],
            _ => new ExecuteChangeSetResponse());

    public Task<DeleteChangeSetResponse> DeleteChangeSetAsync(DeleteChangeSetRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "DeleteChangeSet", cancellationToken, r => [new("StackName", r.StackName), new("ChangeSetName", r.ChangeSetName)],
            _ => new DeleteChangeSetResponse());

    public Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "DescribeStacks", cancellationToken, r => r.StackName is null ? [] : [new("StackName", r.StackName)],
            x => new DescribeStacksResponse
            {
                Stacks = Members(x, "Stacks").Select(s => new Stack
                {
                    StackId = Text(s, "StackId"),
                    StackName = Text(s, "StackName"),
                    StackStatus = Text(s, "StackStatus"),
                    StackStatusReason = OptionalText(s, "StackStatusReason"),
                    Outputs = Members(s, "Outputs").Select(o => new Output { OutputKey = Text(o, "OutputKey"), OutputValue = Text(o, "OutputValue") }).ToList(),
                    Parameters = Members(s, "Parameters").Select(p => new Parameter
                        { ParameterKey = Text(p, "ParameterKey"), ParameterValue = OptionalText(p, "ParameterValue") }).ToList(),
                }).ToList(),
            });

    public Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "DescribeStackEvents", cancellationToken, r => WithToken(r.NextToken, new KeyValuePair<string, string>("StackName", r.StackName)),
            x => new DescribeStackEventsResponse
            {
                NextToken = OptionalText(x, "NextToken"),
                StackEvents = Members(x, "StackEvents").Select(e => new StackEvent
                {
                    LogicalResourceId = Text(e, "LogicalResourceId"),
                    ResourceType = Text(e, "ResourceType"),
                    ResourceStatus = Text(e, "ResourceStatus"),
                    ResourceStatusReason = OptionalText(e, "ResourceStatusReason"),
                    Timestamp = OptionalText(e, "Timestamp") is { } t
                        ? DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                        : default,
                }).ToList(),
            });

    public Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken cancellationToken = default) =>
        Call(request, "DescribeStackResources", cancellationToken, r => [new("StackName", r.StackName)],
            x => new DescribeStackResourcesResponse
            {
                StackResources = Members(x, "StackResources").Select(s => new StackResource
                {
                    LogicalResourceId = Text(s, "LogicalResourceId"),
                    PhysicalResourceId = OptionalText(s, "PhysicalResourceId"),
                    ResourceType = Text(s, "ResourceType"),
                    ResourceStatus = Text(s, "ResourceStatus"),
                }).ToList(),
            });

    private Task<TResponse> Call<TRequest, TResponse>(TRequest request, string action, CancellationToken cancellationToken,
        Func<TRequest, IEnumerable<KeyValuePair<string, string>>> parameters, Func<XElement, TResponse> read)
        where TRequest : AmazonWebServiceRequest where TResponse : AmazonWebServiceResponse, new()
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = new QueryMarshaller<TRequest>(action, parameters),
            ResponseUnmarshaller = new QueryResponseUnmarshaller<TResponse>(action, read),
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> WithToken(string? token, params KeyValuePair<string, string>[] parameters) =>
        token is null ? [.. parameters] : [.. parameters, new("NextToken", token)];

    // Query protocol XML: <XResponse><XResult>...</XResult></XResponse>; lists are <Name><member>...</member></Name>.
    internal static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    internal static string? OptionalText(XElement parent, string name) => Child(parent, name)?.Value;

    internal static string Text(XElement parent, string name) => OptionalText(parent, name) ?? "";

    internal static IEnumerable<XElement> Members(XElement parent, string name) =>
        Child(parent, name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>Action, Version and the operation's parameters as the form body AWSSDK.Core's signer signs.</summary>
    private sealed class QueryMarshaller<TRequest>(string action, Func<TRequest, IEnumerable<KeyValuePair<string, string>>> parameters)
        : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TRequest : AmazonWebServiceRequest
    {
        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            IRequest request = new DefaultRequest(input, "Amazon.CloudFormation");
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            request.Parameters.Add("Action", action);
            request.Parameters.Add("Version", Version);
            foreach (var (key, value) in parameters((TRequest)input))
                request.Parameters.Add(key, value);
            return request;
        }
    }

    private sealed class QueryResponseUnmarshaller<TResponse>(string action, Func<XElement, TResponse> read) : XmlResponseUnmarshaller
        where TResponse : AmazonWebServiceResponse
    {
        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext input)
        {
            var document = XDocument.Load(input.Stream);
            var result = document.Root is { } root ? Child(root, action + "Result") ?? new XElement(action + "Result") : new XElement(action + "Result");
            return read(result);
        }

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
        {
            string code = "", message = "", requestId = "", type = "";
            try
            {
                var document = XDocument.Load(input.Stream);
                var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                if (error is not null)
                {
                    code = Text(error, "Code");
                    message = Text(error, "Message");
                    type = Text(error, "Type");
                }
                requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? "";
            }
            catch (System.Xml.XmlException)
            {
                message = $"CloudFormation answered HTTP {(int)statusCode} without an XML error";
            }
            var errorType = type == "Sender" ? ErrorType.Sender : type == "Receiver" ? ErrorType.Receiver : ErrorType.Unknown;
            return new AmazonCloudFormationException(message, errorType, code, requestId, statusCode);
        }
    }
}
