using Amazon.Runtime;

// Request and response shapes named as in AWSSDK.CloudFormation (Amazon.CloudFormation.Model), holding only the
// members the deploy uses. See Sdk/LiteServiceClient.cs for why they are not the official package's.
namespace Warehouse.Deploy.Targets.Aws.CloudFormation;

public static class ChangeSetType
{
    public const string CREATE = "CREATE";
    public const string UPDATE = "UPDATE";
}

public sealed class Parameter
{
    public string ParameterKey { get; set; } = "";
    public string? ParameterValue { get; set; }
    public bool? UsePreviousValue { get; set; }
}

public sealed class Output
{
    public string OutputKey { get; set; } = "";
    public string OutputValue { get; set; } = "";
}

public sealed class Stack
{
    public string StackId { get; set; } = "";
    public string StackName { get; set; } = "";
    public string StackStatus { get; set; } = "";
    public string? StackStatusReason { get; set; }
    public List<Output> Outputs { get; set; } = [];
    public List<Parameter> Parameters { get; set; } = [];
}

public sealed class ResourceChange
{
    public string Action { get; set; } = "";
    public string LogicalResourceId { get; set; } = "";
    public string? PhysicalResourceId { get; set; }
    public string ResourceType { get; set; } = "";
    /// <summary>True, False or Conditional; empty when the service does not say (Add/Remove).</summary>
    public string? Replacement { get; set; }
}

public sealed class Change
{
    public string Type { get; set; } = "Resource";
    public ResourceChange ResourceChange { get; set; } = new();
}

public sealed class StackEvent
{
    public string LogicalResourceId { get; set; } = "";
    public string ResourceType { get; set; } = "";
    public string ResourceStatus { get; set; } = "";
    public string? ResourceStatusReason { get; set; }
    public DateTime Timestamp { get; set; }
}

public sealed class StackResource
{
    public string LogicalResourceId { get; set; } = "";
    public string? PhysicalResourceId { get; set; }
    public string ResourceType { get; set; } = "";
    public string ResourceStatus { get; set; } = "";
}

public sealed class CreateChangeSetRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
    public string ChangeSetName { get; set; } = "";
    public string ChangeSetType { get; set; } = CloudFormation.ChangeSetType.CREATE;
    public string? TemplateBody { get; set; }
    public List<Parameter> Parameters { get; set; } = [];
    public List<string> Capabilities { get; set; } = [];
    public string? Description { get; set; }
}

public sealed class CreateChangeSetResponse : AmazonWebServiceResponse
{
    public string Id { get; set; } = "";
    public string StackId { get; set; } = "";
}

public sealed class DescribeChangeSetRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
    public string ChangeSetName { get; set; } = "";
    public string? NextToken { get; set; }
}

public sealed class DescribeChangeSetResponse : AmazonWebServiceResponse
{
    public string ChangeSetId { get; set; } = "";
    public string ChangeSetName { get; set; } = "";
    public string Status { get; set; } = "";
    public string? StatusReason { get; set; }
    public string ExecutionStatus { get; set; } = "";
    public List<Change> Changes { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class ExecuteChangeSetRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
    public string ChangeSetName { get; set; } = "";
}

public sealed class ExecuteChangeSetResponse : AmazonWebServiceResponse;

public sealed class DeleteChangeSetRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
    public string ChangeSetName { get; set; } = "";
}

public sealed class DeleteChangeSetResponse : AmazonWebServiceResponse;

public sealed class DescribeStacksRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
}

public sealed class DescribeStacksResponse : AmazonWebServiceResponse
{
    public List<Stack> Stacks { get; set; } = [];
}

public sealed class DescribeStackEventsRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
    public string? NextToken { get; set; }
}

public sealed class DescribeStackEventsResponse : AmazonWebServiceResponse
{
    public List<StackEvent> StackEvents { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DescribeStackResourcesRequest : AmazonWebServiceRequest
{
    public string StackName { get; set; } = "";
}

public sealed class DescribeStackResourcesResponse : AmazonWebServiceResponse
{
    public List<StackResource> StackResources { get; set; } = [];
}
