using System.Collections.Generic;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The template's logical ids: fixed ones for the shared infrastructure, and per-source ids derived from the node
/// names in PascalCase (<c>dim_accounts</c> → <c>DimAccountsTable</c>). Unique within one template.
/// </summary>
internal sealed class LogicalIds
{
    public const string LakeBucket = "LakeBucket";
    public const string LakeBucketPolicy = "LakeBucketPolicy";
    public const string GlueDatabase = "GlueDatabase";
    public const string Crawler = "LakeCrawler";
    public const string CrawlerSchedule = "LakeCrawlerSchedule";
    public const string CrawlerRole = "GlueCrawlerRole";
    public const string RedshiftRole = "RedshiftRole";
    public const string Vpc = "Vpc";
    public const string InternetGateway = "InternetGateway";
    public const string GatewayAttachment = "InternetGatewayAttachment";
    public const string PublicRouteTable = "PublicRouteTable";
    public const string PublicDefaultRoute = "PublicDefaultRoute";
    public const string PrivateRouteTable = "PrivateRouteTable";
    public const string S3Endpoint = "S3GatewayEndpoint";
    public const string SecurityGroup = "WarehouseSecurityGroup";
    public const string SubnetGroup = "RedshiftSubnetGroup";
    public const string Cluster = "RedshiftCluster";

    private readonly HashSet<string> _used = new();

    /// <summary>The Glue table of a source: <c>DimAccountsTable</c>; a clash (same name in two schemas) adds the schema.</summary>
    public string Table(NodeSpec source)
    {
        var id = Naming.ToPascalCase(source.Name) + "Table";
        if (!_used.Add(id))
        {
            id = Naming.ToPascalCase(source.Schema) + Naming.ToPascalCase(source.Name) + "Table";
            for (var i = 2; !_used.Add(id); i++) id = Naming.ToPascalCase(source.Schema) + Naming.ToPascalCase(source.Name) + "Table" + i;
        }

        return id;
    }
}
