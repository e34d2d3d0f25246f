using System;
using System.Linq;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// Everything one node renders to: its SQL in every dialect and its dbt files, and its share of the manifest (its
/// entries with their checksums, and the <c>{{variables}}</c> its files use), so that the whole-model manifest step
/// only concatenates and an edit hashes only the nodes it re-renders. <see cref="Error"/> is set instead when an
/// emitter failed, so the generator reports WH0099 rather than throwing (which would drop all output).
/// </summary>
internal sealed record RenderedNode(
    string Id,
    EquatableArray<Artifact> Artifacts,
    EquatableArray<ManifestEntry> ManifestEntries,
    EquatableArray<string> Variables,
    string? Error = null)
{
    public static RenderedNode Render(NodeSpec node)
    {
        var id = node.Kind == NodeKind.SingularTest ? "test." + node.Name : node.Id;
        try
        {
            var artifacts = SqlDialect.All.SelectMany(d => SqlEmitter.Emit(node, d)).Concat(DbtEmitter.Node(node)).ToEquatableArray();
            return new(id, artifacts, ManifestEmitter.Entries(node, artifacts), ManifestEmitter.Variables(artifacts));
        }
        catch (Exception exception)
        {
            return new(id, EquatableArray<Artifact>.Empty, EquatableArray<ManifestEntry>.Empty, EquatableArray<string>.Empty, exception.GetType().Name + ": " + exception.Message);
        }
    }
}
