using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// Column-level lineage (docs/manifest.md, "Column lineage"): for every column of a staging, dimension, fact or SQL
/// model, the upstream columns its value is computed from (<see cref="ColumnSpec.Reads"/>, one hop) and the bronze
/// columns those come from in the end (<see cref="ColumnSpec.Lineage"/>). One hop:
/// <list type="bullet">
/// <item>a copied column reads its upstream column; a <c>[Derived]</c> column every column its expression names; a
/// <c>[Default]</c> adds the columns its expression names;</item>
/// <item>a dimension's surrogate key is a hash of the business key (and, type 2, of the version's start, which is
/// bookkeeping), so it reads what the business key reads;</item>
/// <item>a fact's reference key is the referenced dimension's surrogate key, found by matching the fact's upstream
/// column to the business key: it reads both (the upstream column and the dimension's surrogate key), so its bronze
/// origins are the fact's key column and the dimension's business key;</item>
/// <item>a SQL model's column reads what its SELECT expression names (<see cref="SqlOutputColumn.Reads"/>).</item>
/// </list>
/// Columns the warehouse adds (<c>valid_from</c>, <c>_batch_at</c>, …) are nobody's columns in the specs: reading one
/// leads to no bronze column. Rows filtered or joined on are not lineage; only what flows into the value is.
/// </summary>
internal static class ColumnLineage
{
    /// <summary>A SQL model's columns with what their SELECT expressions read (the body bound without a problem).</summary>
    public static NodeSpec WithSqlReads(NodeSpec model, IReadOnlyList<SqlOutputColumn> outputs)
    {
        if (model.Columns.Count == 0) return model;
        var byName = new Dictionary<string, SqlOutputColumn>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            if (!byName.ContainsKey(output.Name)) byName[output.Name] = output;
        }

        return model with
        {
            Columns = model.Columns.Select(c => byName.TryGetValue(c.Name, out var output) ? c with { Reads = Sorted(output.Reads) } : c).ToEquatableArray(),
        };
    }

    /// <summary>
    /// Every node with its columns' <see cref="ColumnSpec.Reads"/> (staging, dimensions and facts from their resolved
    /// columns; SQL models already have theirs) and <see cref="ColumnSpec.Lineage"/>, followed through every hop to
    /// the sources. A cycle (reported by <see cref="Cycles"/>) ends the walk where it closes.
    /// </summary>
    public static List<NodeSpec> Apply(List<NodeSpec> nodes)
    {
        var withReads = nodes.Select(WithReads).ToList();
        var byId = new Dictionary<string, NodeSpec>(StringComparer.Ordinal);
        foreach (var node in withReads)
        {
            if (!byId.ContainsKey(node.Id)) byId[node.Id] = node; // two tables with one id are WH0009
        }

        var origins = new Dictionary<ColumnOrigin, IReadOnlyCollection<ColumnOrigin>>();
        var walking = new HashSet<ColumnOrigin>();

        IReadOnlyCollection<ColumnOrigin> Origins(ColumnOrigin read)
        {
            if (origins.TryGetValue(read, out var known)) return known;
            if (!byId.TryGetValue(read.Node, out var node) || !walking.Add(read)) return Array.Empty<ColumnOrigin>();
            var column = node.Columns.FirstOrDefault(c => c.Name == read.Column);
            IReadOnlyCollection<ColumnOrigin> found = column is null ? Array.Empty<ColumnOrigin>()
                : node.Kind == NodeKind.Source ? new[] { read }
                : OriginsOf(column.Reads);
            walking.Remove(read);
            return origins[read] = found;
        }

        HashSet<ColumnOrigin> OriginsOf(IEnumerable<ColumnOrigin> reads)
        {
            var set = new HashSet<ColumnOrigin>();
            foreach (var read in reads) set.UnionWith(Origins(read));
            return set;
        }

        return withReads.Select(node => node.Kind == NodeKind.Source ? node : node with
        {
            Columns = node.Columns.Select(c => c.Reads.Count == 0 ? c : c with { Lineage = Sorted(OriginsOf(c.Reads)) }).ToEquatableArray(),
        }).ToList();
    }

    /// <summary>A staging, dimension or fact node with its columns' one-hop reads; other nodes as they are.</summary>
    private static NodeSpec WithReads(NodeSpec node)
    {
        if (node.Kind is not (NodeKind.Staging or NodeKind.Dimension or NodeKind.Fact) || node.Upstream is not { } upstream) return node;
        var business = node.Columns.FirstOrDefault(c => c.Role == ColumnRole.BusinessKey);
        var businessReads = business is null ? Enumerable.Empty<ColumnOrigin>() : ReadsOf(business, upstream.Id);
        return node with
        {
            Columns = node.Columns.Select(c => c with
            {
                Reads = Sorted(node.Kind == NodeKind.Dimension && c.Role == ColumnRole.SurrogateKey ? businessReads : ReadsOf(c, upstream.Id)),
            }).ToEquatableArray(),
        };
    }

    private static IEnumerable<ColumnOrigin> ReadsOf(ColumnSpec column, string upstream)
    {
        var names = column.Derived is not null ? Expr.ColumnsOf(column.Derived).Select(c => c.Name)
            : column.UpstreamColumn is not null ? new[] { column.UpstreamColumn }
            : Enumerable.Empty<string>();
        if (column.Default is not null) names = names.Concat(Expr.ColumnsOf(column.Default).Select(c => c.Name));
        var reads = names.Select(name => new ColumnOrigin(upstream, name));
        return column.Lookup is { } lookup ? reads.Append(new ColumnOrigin(lookup.Dimension.Id, lookup.SurrogateKey)) : reads;
    }

    private static EquatableArray<ColumnOrigin> Sorted(IEnumerable<ColumnOrigin> origins) =>
        origins.Distinct().OrderBy(o => o.Node, StringComparer.Ordinal).ThenBy(o => o.Column, StringComparer.Ordinal).ToEquatableArray();
}
