using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// Redshift's physical design of the tables the warehouse creates: each staging, dimension and fact spec gets its
/// resolved <see cref="NodeSpec.Distribution"/> and <see cref="NodeSpec.SortKeys"/> (docs/redshift.md has the why).
/// <list type="bullet">
/// <item>A dimension's size is what it declares (<c>ExpectedRows</c>), or by rule: a type-2 dimension counts as
/// large (exactly <c>allBelowRows</c>: the smallest of the large), a type-1 dimension or the calendar as a small
/// lookup (0).</item>
/// <item>A dimension is ALL below <c>allBelowRows</c> and KEY on its surrogate key otherwise; it sorts on its
/// surrogate key.</item>
/// <item>A fact is KEY on the reference to its largest KEY-distributed dimension (the calendar never: a date range
/// would hit few slices); a tie goes to the dimension more facts reference; a tie left, or no candidate, is AUTO.
/// So a fact is never distributed on the key of a small dimension. It sorts on its date key.</item>
/// <item>Staging is AUTO, sorted on its key.</item>
/// </list>
/// <c>[Distribution]</c> and <c>[SortKey]</c> replace the rule for their table; their columns are checked here.
/// </summary>
internal static class PhysicalDesign
{
    /// <param name="nodes">The resolved nodes (references resolved to <see cref="DimensionLookup"/>s).</param>
    /// <param name="locationOf">Where a node's attribute is declared, by its parser key (<c>distribution</c>, <c>sortkey</c>).</param>
    public static List<NodeSpec> Apply(IReadOnlyList<NodeSpec> nodes, long allBelowRows, Func<NodeSpec, string, LocationInfo?> locationOf, DiagnosticSink sink)
    {
        var dimensions = new Dictionary<string, NodeSpec>(StringComparer.Ordinal);
        foreach (var dimension in nodes.Where(n => n.Kind == NodeKind.Dimension))
        {
            dimensions[dimension.Id] = Dimension(dimension, allBelowRows, locationOf, sink);
        }

        // How many facts join each dimension: the tie-break between dimensions of the same size.
        var joins = nodes.Where(n => n.Kind == NodeKind.Fact)
            .SelectMany(f => f.Columns.Where(c => c.Lookup is not null).Select(c => c.Lookup!.Dimension.Id).Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        return nodes.Select(node => node.Kind switch
        {
            NodeKind.Dimension => dimensions[node.Id],
            NodeKind.Fact => Fact(node, dimensions, joins, allBelowRows, locationOf, sink),
            NodeKind.Staging => WithLayout(node, new DistributionSpec(DistributionKind.Auto, null), node.Key is null ? Array.Empty<string>() : new[] { node.Key }, locationOf, sink),
            _ => node,
        }).ToList();
    }

    /// <summary>The rows a dimension is taken to hold: declared, or by rule (see the class summary).</summary>
    public static long EstimatedRows(NodeSpec dimension, long allBelowRows) =>
        dimension.ExpectedRows > 0 ? dimension.ExpectedRows
        : ScdPolicy.IsType2(dimension) && dimension.DateColumn is null ? allBelowRows
        : 0;

    private static NodeSpec Dimension(NodeSpec dimension, long allBelowRows, Func<NodeSpec, string, LocationInfo?> locationOf, DiagnosticSink sink)
    {
        var surrogate = dimension.Columns.FirstOrDefault(c => c.Role == ColumnRole.SurrogateKey)?.Name;
        var distribution = EstimatedRows(dimension, allBelowRows) < allBelowRows || surrogate is null
            ? new DistributionSpec(DistributionKind.All, null)
            : new DistributionSpec(DistributionKind.Key, surrogate);
        return WithLayout(dimension, distribution, surrogate is null ? Array.Empty<string>() : new[] { surrogate }, locationOf, sink);
    }

    private static NodeSpec Fact(NodeSpec fact, Dictionary<string, NodeSpec> dimensions, Dictionary<string, int> joins, long allBelowRows,
        Func<NodeSpec, string, LocationInfo?> locationOf, DiagnosticSink sink)
    {
        var candidates = fact.Columns
            .Where(c => c.Lookup is not null && c.Name != fact.EventDateColumn && dimensions.TryGetValue(c.Lookup.Dimension.Id, out var d)
                && d.DateColumn is null && d.Distribution is { Kind: DistributionKind.Key } key && key.Column == c.Lookup.SurrogateKey)
            .Select(c => (Column: c.Name, Rank: (Rows: EstimatedRows(dimensions[c.Lookup!.Dimension.Id], allBelowRows), Joins: joins[c.Lookup.Dimension.Id])))
            .OrderByDescending(c => c.Rank.Rows).ThenByDescending(c => c.Rank.Joins)
            .ToList();
        var clear = candidates.Count == 1 || (candidates.Count > 1 && candidates[0].Rank != candidates[1].Rank);
        var distribution = clear ? new DistributionSpec(DistributionKind.Key, candidates[0].Column) : new DistributionSpec(DistributionKind.Auto, null);
        var resolved = WithLayout(fact, distribution, fact.EventDateColumn is null ? Array.Empty<string>() : new[] { fact.EventDateColumn }, locationOf, sink);

        // A declared key on a reference to a dimension copied to every node: allowed, but its few values skew the slices.
        if (fact.Distribution is { Kind: DistributionKind.Key } && resolved.Distribution?.Column is { } declared
            && resolved.Columns.FirstOrDefault(c => c.Name == declared)?.Lookup is { } lookup
            && dimensions.TryGetValue(lookup.Dimension.Id, out var small) && small.Distribution?.Kind == DistributionKind.All)
        {
            sink.Report(DiagnosticDescriptors.LowCardinalityDistribution, locationOf(fact, "distribution"), fact.TypeName, declared, small.TypeName);
        }

        return resolved;
    }

    /// <summary>The declared distribution and sort key where there are, resolved to column names; the defaults elsewhere.</summary>
    private static NodeSpec WithLayout(NodeSpec node, DistributionSpec byDefault, IReadOnlyList<string> sortByDefault,
        Func<NodeSpec, string, LocationInfo?> locationOf, DiagnosticSink sink)
    {
        var distribution = byDefault;
        if (node.Distribution is { } declared)
        {
            distribution = declared with { Column = null };
            if (declared.Kind == DistributionKind.Key && declared.Column is { } written)
            {
                var column = Lineage.ColumnName(node, written);
                if (column is null) sink.UnknownColumn(locationOf(node, "distribution"), "[Distribution]", written, node);
                distribution = declared with { Column = column ?? written };
            }
        }

        var sortKeys = sortByDefault;
        if (node.SortKeys.Count > 0)
        {
            var names = new List<string>();
            foreach (var written in node.SortKeys)
            {
                var column = Lineage.ColumnName(node, written);
                if (column is null) sink.UnknownColumn(locationOf(node, "sortkey"), "[SortKey]", written, node);
                names.Add(column ?? written);
            }

            sortKeys = names;
        }

        return node with { Distribution = distribution, SortKeys = sortKeys.ToEquatableArray() };
    }
}
