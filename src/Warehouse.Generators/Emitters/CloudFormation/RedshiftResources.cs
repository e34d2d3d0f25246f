namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// The Redshift cluster in the private subnets: encrypted, not publicly accessible, single- or multi-node by
/// <c>ClusterNumberOfNodes</c>, its admin password managed by Redshift in Secrets Manager or read (a dynamic reference, never a
/// template parameter) from a secret the team already has.
/// </summary>
internal static class RedshiftResources
{
    public static void Add(Template template, string project)
    {
        template.Resource(LogicalIds.SubnetGroup, "AWS::Redshift::ClusterSubnetGroup", new JsonObject
        {
            ["Description"] = $"Private subnets of the {project} warehouse.",
            ["SubnetIds"] = Fn.Refs(NetworkResources.PrivateSubnets),
            ["Tags"] = Fn.NameTag("redshift"),
        });

        var cluster = template.Resource(LogicalIds.Cluster, "AWS::Redshift::Cluster", new JsonObject
        {
            ["ClusterType"] = Fn.If(Parameters.IsMultiNode, "multi-node", "single-node"),
            ["NodeType"] = Fn.Ref(Parameters.NodeType),
            ["NumberOfNodes"] = Fn.If(Parameters.IsMultiNode, Fn.Ref(Parameters.NumberOfNodes), Fn.Ref(Fn.NoValue)),
            ["DBName"] = Fn.Ref(Parameters.DatabaseName),
            ["MasterUsername"] = Fn.Ref(Parameters.MasterUsername),
            ["ManageMasterPassword"] = Fn.If(Parameters.ManagesMasterPassword, true, Fn.Ref(Fn.NoValue)),
            ["MasterUserPassword"] = Fn.If(Parameters.ManagesMasterPassword, Fn.Ref(Fn.NoValue),
                Fn.Sub("{{resolve:secretsmanager:${" + Parameters.MasterUserPasswordSecret + "}:SecretString:password}}")),
            ["Port"] = Fn.Ref(Parameters.WarehousePort),
            ["ClusterSubnetGroupName"] = Fn.Ref(LogicalIds.SubnetGroup),
            ["VpcSecurityGroupIds"] = new JsonArray { Fn.GetAtt(LogicalIds.SecurityGroup, "GroupId") },
            ["PubliclyAccessible"] = false,
            ["Encrypted"] = true,
            ["IamRoles"] = new JsonArray { Fn.GetAtt(LogicalIds.RedshiftRole, "Arn") },
            ["AutomatedSnapshotRetentionPeriod"] = 7,
            ["AllowVersionUpgrade"] = true,
            ["Tags"] = Fn.NameTag("redshift"),
        });
        cluster["DeletionPolicy"] = "Snapshot";
        cluster["UpdateReplacePolicy"] = "Snapshot";
    }
}
