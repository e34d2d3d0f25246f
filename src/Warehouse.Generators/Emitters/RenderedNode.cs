using System;
using System.Linq;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// Everything one node renders to: its SQL in every dialect and its dbt files, and its share of the whole-model
/// artifacts: its manifest entries with their checksums, the <c>{{variables}}</c> its files use, and its items in
/// the dbt property files, so that <see cref="WarehouseRenderer"/> only joins these. <see cref="Error"/> is set
/// instead when an emitter failed, so the caller reports the node rather than crashing.
/// </summary>
internal sealed record RenderedNode(
    string Id,
    EquatableArray<Artifact> Artifacts,
    EquatableArray<ManifestEntry> ManifestEntries,
    EquatableArray<VariableUse> Variables,
    string DbtProperties,
    string? Error = null)
{
    public static RenderedNode Render(NodeSpec node)
    {
        var id = ManifestEmitter.IdOf(node);
        try
        {
            var artifacts = SqlDialect.All.SelectMany(d => SqlEmitter.Emit(node, d)).Concat(DbtEmitter.Node(node)).ToEquatableArray();
            return new(
                id,
                artifacts,
                ManifestEmitter.Entries(node, artifacts),
                ManifestEmitter.Variables(artifacts),
                Dbt.DbtProperties.Entries(node));
        }
        catch (Exception exception)
        {
            return new(id, EquatableArray<Artifact>.Empty, EquatableArray<ManifestEntry>.Empty, EquatableArray<VariableUse>.Empty, string.Empty,
                exception.GetType().Name + ": " + exception.Message);
        }
    }
}
