using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Warehouse.Deploy.Targets.Aws.Sdk;

// Why these "lite" clients exist: the official AWSSDK.CloudFormation and AWSSDK.Glue packages cannot be restored on
// this project's machines (the NuGet mirror has AWSSDK.Core and AWSSDK.S3 only). Rather than hand-write HTTP and
// SigV4, each lite client is a real AmazonServiceClient: AWSSDK.Core's pipeline marshals through our IMarshaller,
// resolves credentials (environment, profile, SSO, IMDS: the SDK's default identity resolver), signs with its
// AWS4Signer, retries with its retry policy and unmarshals through our ResponseUnmarshaller. Only the wire format of
// the few operations we call is ours. The interfaces, request and response names follow the official clients so that
// swapping in AWSSDK.CloudFormation/AWSSDK.Glue later is a rename of namespaces, not a rewrite.

/// <summary>Shared configuration of a lite client: service id, signing name, endpoint prefix and API version.</summary>
public abstract class LiteClientConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] Defaults =
    [
        new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
    ];

    private readonly string _endpointPrefix;
    private readonly string _serviceVersion;

    protected LiteClientConfig(string serviceId, string signingName, string endpointPrefix, string serviceVersion)
        : base(new DefaultConfigurationProvider(Defaults))
    {
        _endpointPrefix = endpointPrefix;
        _serviceVersion = serviceVersion;
        ServiceId = serviceId;
        AuthenticationServiceName = signingName;
        EndpointProvider = new LiteEndpointProvider(endpointPrefix);
    }

    public override string RegionEndpointServiceName => _endpointPrefix;

    public override string ServiceVersion => _serviceVersion;

    public override string UserAgent => "warehouse-deploy/" + typeof(LiteClientConfig).Assembly.GetName().Version;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ServiceId),
        };
        return new LiteEndpointResolver().GetEndpoint(new Amazon.Runtime.Internal.ExecutionContext(requestContext, null));
    }

    /// <summary>Points the client at <paramref name="serviceUrl"/> (an emulator) or at the region's public endpoint.</summary>
    public void Apply(string? serviceUrl, string region)
    {
        if (serviceUrl is null)
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            ServiceURL = serviceUrl;
            AuthenticationRegion = region;
        }
    }
}

/// <summary>ServiceURL when set, else https://{prefix}.{region}.amazonaws.com (.com.cn in China).</summary>
internal sealed class LiteEndpointProvider(string endpointPrefix) : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        if (parameters["Endpoint"] is string url && url.Length > 0)
            return new Endpoint(url);
        string region = parameters["Region"] as string
            ?? throw new AmazonClientException("No AWS region: pass --region or set AWS_REGION / a profile region");
        string suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Endpoint($"https://{endpointPrefix}.{region}.{suffix}");
    }
}

/// <summary>Maps the client configuration to the parameters <see cref="LiteEndpointProvider"/> reads.</summary>
internal sealed class LiteEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new EndpointParameters();
        parameters["Region"] = config.RegionEndpoint?.SystemName ?? config.AuthenticationRegion;
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }
}

/// <summary>Both services sign every operation with SigV4; AWSSDK.Core picks its AWS4Signer from this.</summary>
internal sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
}

internal sealed class LiteServiceMetadata(string serviceId) : IServiceMetadata
{
    public string ServiceId => serviceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}

/// <summary>Base of both lite clients: installs the endpoint and auth handlers the generated official clients install.</summary>
public abstract class LiteServiceClient : AmazonServiceClient
{
    private readonly IServiceMetadata _metadata;

    protected LiteServiceClient(AWSCredentials? credentials, LiteClientConfig config)
        : base(credentials!, config) => _metadata = new LiteServiceMetadata(config.ServiceId);

    protected override IServiceMetadata ServiceMetadata => _metadata;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new LiteEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
    }
}
