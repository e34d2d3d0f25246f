using System.Collections.Generic;
using System.Text;
using Warehouse.Generators.Model;

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

    /// <summary><c>dim_accounts</c> → <c>DimAccounts</c>; anything but ASCII letters and digits separates words.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0])) builder.Insert(0, 'N');
        return builder.ToString();
    }

    /// <summary>The Glue table of a source: <c>DimAccountsTable</c>; a clash (same name in two schemas) adds the schema.</summary>
    public string Table(NodeSpec source)
    {
        var id = Pascal(source.Name) + "Table";
        if (!_used.Add(id))
        {
            id = Pascal(source.Schema) + Pascal(source.Name) + "Table";
            for (var i = 2; !_used.Add(id); i++) id = Pascal(source.Schema) + Pascal(source.Name) + "Table" + i;
        }

        return id;
    }
}
