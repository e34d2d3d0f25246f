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
    public static IReadOnlyList<Artifact> Node(NodeSpec node) => DbtModels.Emit(node).Select(Normalize).ToList();

    /// <param name="entries">Each source and model node's <see cref="DbtProperties.Entries"/>, by node id.</param>
    public static IReadOnlyList<Artifact> Project(string project, IReadOnlyList<NodeSpec> nodes, IReadOnlyDictionary<string, string> entries) =>
        new[] { DbtProperties.Project(project, nodes) }
            .Concat(DbtProperties.Sources(nodes, entries))
            .Concat(DbtProperties.Layers(nodes, entries))
            .Concat(DbtMacros.All())
            .Select(Normalize)
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .ToList();

    private static Artifact Normalize(Artifact artifact) => artifact with { Content = artifact.Content.Replace("\r\n", "\n") };
}
