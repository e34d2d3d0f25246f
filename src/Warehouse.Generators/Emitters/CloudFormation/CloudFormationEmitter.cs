using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.CloudFormation;

/// <summary>
/// Writes <c>cloudformation/warehouse.json</c>: one CloudFormation template provisioning what the warehouse runs
/// on in AWS: the S3 lake, the Glue catalog typed from the model's sources, the network, the Redshift cluster,
/// the service roles and the outputs the runner needs (docs/cloudformation.md).
/// </summary>
internal static class CloudFormationEmitter
{
    public const string Path = "cloudformation/warehouse.json";

    /// <summary>The template, or null when it cannot be built; a generator must never throw.</summary>
    public static Artifact Artifact(string project, IReadOnlyList<NodeSpec> nodes) => new(Path, Emit(project, nodes));

    public static string Emit(string project, IReadOnlyList<NodeSpec> nodes)
    {
        var sources = nodes
            .Where(n => n.Kind == NodeKind.Source && n.Format is not null)
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        var template = new Template
        {
            Description = $"Warehouse infrastructure for {project}: S3 lake, Glue catalog and crawler over {sources.Count} source(s), VPC, Redshift cluster and service roles. Generated from the model; do not edit.",
        };
        template.Metadata["Warehouse"] = new JsonObject
        {
            ["project"] = project,
            ["generator"] = "Warehouse.Generators",
            ["sources"] = new JsonArray(sources.Select(s => (JsonValue)s.Id)),
        };

        Parameters.Add(template, project);
        LakeResources.Add(template, project, sources);
        IamResources.Add(template, sources);
        GlueResources.Add(template, project, sources, new LogicalIds());
        NetworkResources.Add(template);
        RedshiftResources.Add(template, project);
        AddOutputs(template);
        return template.ToJson();
    }

    private static void AddOutputs(Template template)
    {
        template.Output(Outputs.ClusterEndpointAddress, "Host name of the Redshift cluster.", Fn.GetAtt(LogicalIds.Cluster, "Endpoint.Address"));
        template.Output(Outputs.ClusterEndpointPort, "Port of the Redshift cluster.", Fn.GetAtt(LogicalIds.Cluster, "Endpoint.Port"));
        template.Output(Outputs.LakeBucketName, "The lake bucket; sources land under their prefixes.", Fn.Ref(LogicalIds.LakeBucket));
        template.Output(Outputs.GlueDatabaseName, "Glue database of the bronze tables (glue_database).", Fn.Ref(LogicalIds.GlueDatabase));
        template.Output(Outputs.CrawlerName, "The lake crawler.", Fn.Ref(LogicalIds.Crawler));
        template.Output(Outputs.RedshiftRoleArn, "Role Redshift reads the lake with (redshift_iam_role).", Fn.GetAtt(LogicalIds.RedshiftRole, "Arn"));
        template.Output(Outputs.GlueCrawlerRoleArn, "Role the crawler runs as.", Fn.GetAtt(LogicalIds.CrawlerRole, "Arn"));
        template.Output(Outputs.MasterUserSecretArn, "Secrets Manager secret holding the admin credentials.",
            Fn.GetAtt(LogicalIds.Cluster, "MasterPasswordSecretArn"), Parameters.ManagesMasterPassword);
        template.Output(Outputs.VpcId, "The warehouse VPC.", Fn.Ref(LogicalIds.Vpc));
    }
}
