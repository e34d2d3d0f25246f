namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The VPC: a public and a private subnet in each of two availability zones (four /24 blocks carved from the
/// VPC's CIDR), an internet gateway for the public route table, an S3 gateway endpoint on both route tables, and
/// the security group that admits only the client CIDR to the warehouse port.
/// </summary>
internal static class NetworkResources
{
    public static readonly string[] PrivateSubnets = { "PrivateSubnet1", "PrivateSubnet2" };
    public static readonly string[] PublicSubnets = { "PublicSubnet1", "PublicSubnet2" };

    public static void Add(Template template)
    {
        template.Resource(LogicalIds.Vpc, "AWS::EC2::VPC", new JsonObject
        {
            ["CidrBlock"] = Fn.Ref(Parameters.VpcCidr),
            ["EnableDnsSupport"] = true,
            ["EnableDnsHostnames"] = true,
            ["Tags"] = Fn.NameTag("vpc"),
        });
        template.Resource(LogicalIds.InternetGateway, "AWS::EC2::InternetGateway", new JsonObject { ["Tags"] = Fn.NameTag("igw") });
        template.Resource(LogicalIds.GatewayAttachment, "AWS::EC2::VPCGatewayAttachment", new JsonObject
        {
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["InternetGatewayId"] = Fn.Ref(LogicalIds.InternetGateway),
        });

        // Blocks 0 and 1 are public, 2 and 3 private; subnet i of each kind is in zone i.
        for (var zone = 0; zone < 2; zone++)
        {
            Subnet(template, PublicSubnets[zone], zone, zone, "public");
            Subnet(template, PrivateSubnets[zone], zone + 2, zone, "private");
        }

        template.Resource(LogicalIds.PublicRouteTable, "AWS::EC2::RouteTable", new JsonObject
        {
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["Tags"] = Fn.NameTag("public"),
        });
        var route = template.Resource(LogicalIds.PublicDefaultRoute, "AWS::EC2::Route", new JsonObject
        {
            ["RouteTableId"] = Fn.Ref(LogicalIds.PublicRouteTable),
            ["DestinationCidrBlock"] = "0.0.0.0/0",
            ["GatewayId"] = Fn.Ref(LogicalIds.InternetGateway),
        });
        route["DependsOn"] = LogicalIds.GatewayAttachment;
        template.Resource(LogicalIds.PrivateRouteTable, "AWS::EC2::RouteTable", new JsonObject
        {
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["Tags"] = Fn.NameTag("private"),
        });
        for (var zone = 0; zone < 2; zone++)
        {
            Association(template, PublicSubnets[zone], LogicalIds.PublicRouteTable);
            Association(template, PrivateSubnets[zone], LogicalIds.PrivateRouteTable);
        }

        template.Resource(LogicalIds.S3Endpoint, "AWS::EC2::VPCEndpoint", new JsonObject
        {
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["ServiceName"] = Fn.Sub("com.amazonaws.${AWS::Region}.s3"),
            ["VpcEndpointType"] = "Gateway",
            ["RouteTableIds"] = Fn.Refs(LogicalIds.PrivateRouteTable, LogicalIds.PublicRouteTable),
        });

        template.Resource(LogicalIds.SecurityGroup, "AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = "Admits the client CIDR to the warehouse port only.",
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["SecurityGroupIngress"] = new JsonArray
            {
                new JsonObject
                {
                    ["Description"] = "Warehouse clients",
                    ["IpProtocol"] = "tcp",
                    ["FromPort"] = Fn.Ref(Parameters.WarehousePort),
                    ["ToPort"] = Fn.Ref(Parameters.WarehousePort),
                    ["CidrIp"] = Fn.Ref(Parameters.ClientCidr),
                },
            },
            ["Tags"] = Fn.NameTag("warehouse"),
        });
    }

    private static void Subnet(Template template, string id, int block, int zone, string kind) =>
        template.Resource(id, "AWS::EC2::Subnet", new JsonObject
        {
            ["VpcId"] = Fn.Ref(LogicalIds.Vpc),
            ["AvailabilityZone"] = Fn.Select(zone, Fn.GetAZs()),
            ["CidrBlock"] = Fn.Select(block, Fn.Cidr(Fn.GetAtt(LogicalIds.Vpc, "CidrBlock"), 4, 8)),
            ["MapPublicIpOnLaunch"] = false,
            ["Tags"] = Fn.NameTag($"{kind}-{zone + 1}"),
        });

    private static void Association(Template template, string subnet, string routeTable) =>
        template.Resource(subnet + "RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation", new JsonObject
        {
            ["SubnetId"] = Fn.Ref(subnet),
            ["RouteTableId"] = Fn.Ref(routeTable),
        });
}
