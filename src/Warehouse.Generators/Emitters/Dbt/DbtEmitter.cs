using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Dbt;

/// <summary>
/// The dbt project under <c>dbt/</c> (dbt-redshift): per node, its SQL files (<see cref="Node"/>, cached with the
/// node); for the whole model, dbt_project.yml, sources, property files, macros and generic tests
/// (<see cref="Project"/>). See docs/dbt.md.
/// </summary>
internal static class DbtEmitter
{
    public static IReadOnlyList<Artifact> Node(NodeSpec node)
    {
        try
        {
            return DbtModels.Emit(node).Select(Normalize).ToList();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            // A node the resolver reported as broken (a diagnostic says why): never fail the compilation over it.
            return new[] { new Artifact($"{DbtNames.Root}models/{DbtNames.Folder(node.Layer)}/{node.Name}.sql", $"-- {node.Id} was not rendered: the model has errors (see the build's diagnostics).\n") };
        }
    }

    public static IReadOnlyList<Artifact> Project(string project, IReadOnlyList<NodeSpec> nodes)
    {
        try
        {
            return new[] { DbtProperties.Project(project, nodes) }
                .Concat(DbtProperties.Sources(nodes))
                .Concat(DbtProperties.Layers(nodes))
                .Concat(DbtMacros.All())
                .Select(Normalize)
                .OrderBy(a => a.Path, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            return Array.Empty<Artifact>();
        }
    }

    private static Artifact Normalize(Artifact artifact) => artifact with { Content = artifact.Content.Replace("\r\n", "\n") };
}
