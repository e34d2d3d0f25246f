using System.Linq;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters;

/// <summary>Everything one node renders to, in every dialect (and later, artifact kind).</summary>
internal sealed record RenderedNode(string Id, EquatableArray<Artifact> Artifacts)
{
    public static RenderedNode Render(NodeSpec node) =>
        new(node.Kind == NodeKind.SingularTest ? "test." + node.Name : node.Id,
            SqlDialect.All.SelectMany(d => SqlEmitter.Emit(node, d)).Concat(DbtEmitter.Node(node)).ToEquatableArray());
}
