using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.CloudFormation;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// Renders every artifact of a compiled model — manifest.json, the SQL of each dialect, the dbt project and the
/// CloudFormation template — from its resolved node specs. The generator only resolves and encodes the specs
/// (<see cref="NodeSpecCodec"/>); this runs in the MSBuild task, which writes warehouse/, and in the runner,
/// which renders the same bytes in memory, so both see exactly what the compiler checked.
/// </summary>
internal static class WarehouseRenderer
{
    /// <summary>Decodes the spec texts and renders them; a text that does not decode is reported as an error.</summary>
    public static RenderResult Render(string project, IEnumerable<string> specTexts)
    {
        var nodes = new List<NodeSpec>();
        var errors = new List<string>();
        foreach (var text in specTexts)
        {
            try
            {
                nodes.Add(NodeSpecCodec.Decode(text));
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        return errors.Count > 0 ? new RenderResult(Array.Empty<Artifact>(), errors) : Render(project, nodes);
    }

    /// <summary>
    /// Every artifact, sorted by path, or the nodes whose emitters failed (nothing is rendered then: a partial
    /// warehouse is never written). Nodes render in parallel: each render depends on its own spec only.
    /// </summary>
    public static RenderResult Render(string project, IReadOnlyCollection<NodeSpec> specs)
    {
        // The resolver's order, which the dbt project and the setup scripts list nodes in.
        var nodes = specs.OrderBy(static n => n.Id, StringComparer.Ordinal).ThenBy(static n => n.TypeName, StringComparer.Ordinal).ToList();
        if (nodes.Count == 0) return new RenderResult(Array.Empty<Artifact>(), Array.Empty<string>());

        var rendered = new RenderedNode[nodes.Count];
        Parallel.For(0, nodes.Count, i => rendered[i] = RenderedNode.Render(nodes[i]));
        var failed = rendered.Where(static n => n.Error is not null).Select(static n => $"{n.Id}: {n.Error}").ToList();
        if (failed.Count > 0) return new RenderResult(Array.Empty<Artifact>(), failed);

        var artifacts = new List<Artifact>(rendered.Sum(static n => n.Artifacts.Count) + 64);
        foreach (var node in rendered) artifacts.AddRange(node.Artifacts);
        try
        {
            var setup = SqlDialect.All.Select(d => SqlEmitter.Setup(d, nodes)).ToList();
            var dbt = DbtEmitter.Project(project, nodes, rendered.ToDictionary(static n => n.Id, static n => n.DbtProperties, StringComparer.Ordinal));
            // The manifest lists the {{variables}} of every dialect's artifacts, the whole-model ones included.
            var manifest = ManifestEmitter.Emit(
                project,
                rendered.SelectMany(static n => n.ManifestEntries).ToList(),
                rendered.SelectMany(static n => n.Variables).Concat(ManifestEmitter.Variables(setup.Concat(dbt))));
            artifacts.AddRange(setup);
            artifacts.AddRange(dbt);
            artifacts.Add(manifest);
            artifacts.Add(CloudFormationEmitter.Artifact(project, nodes));
        }
        catch (Exception e)
        {
            return new RenderResult(Array.Empty<Artifact>(), new[] { $"the whole-model artifacts: {e.GetType().Name}: {e.Message}" });
        }

        artifacts.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new RenderResult(artifacts, Array.Empty<string>());
    }
}

/// <summary>The rendered artifacts, or what failed (then no artifacts).</summary>
internal sealed record RenderResult(IReadOnlyList<Artifact> Artifacts, IReadOnlyList<string> Errors);
