using System;
using System.Linq;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// Everything one node renders to: its SQL in every dialect and its dbt files. <see cref="Error"/> is set instead
/// when an emitter failed, so the generator reports WH0099 rather than throwing (which would drop all output).
/// </summary>
internal sealed record RenderedNode(string Id, EquatableArray<Artifact> Artifacts, string? Error = null)
{
    public static RenderedNode Render(NodeSpec node)
    {
        var id = node.Kind == NodeKind.SingularTest ? "test." + node.Name : node.Id;
        try
        {
            return new(id, SqlDialect.All.SelectMany(d => SqlEmitter.Emit(node, d)).Concat(DbtEmitter.Node(node)).ToEquatableArray());
        }
        catch (Exception exception)
        {
            return new(id, EquatableArray<Artifact>.Empty, exception.GetType().Name + ": " + exception.Message);
        }
    }
}
