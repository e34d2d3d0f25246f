using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>Builds a staging node's <see cref="StagingPlan"/> from its resolved spec.</summary>
internal static class StagingPlanBuilder
{
    public static StagingPlan Build(NodeSpec node)
    {
        if (node.Kind != NodeKind.Staging || node.Upstream is null)
        {
            throw new InvalidOperationException($"{node.Id} is not a resolved staging model");
        }

        var sourceTypes = node.UpstreamColumns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var sourceColumns = SourceColumnNames(node)
            .Select(name => new SourceColumnPlan(
                name,
                TypeOf(node, sourceTypes, name),
                node.Columns.Any(c => c.UpstreamColumn == name && !c.Trim && c.Type.Kind == SqlTypeKind.Varchar)))
            .ToList();
        var columns = node.Columns.Select(c => new ModelColumn(c.Name, c.Type, c.Nullable, ValuePlan.Of(c, sourceTypes))).ToList();
        var key = node.Key is null ? EquatableArray<string>.Empty : new[] { node.Key }.ToEquatableArray();
        return new StagingPlan(
            new TableRef(node.Schema, node.Name),
            new TableRef(node.Schema, node.Name + "__quarantine"),
            node.Upstream,
            sourceColumns.ToEquatableArray(),
            columns.ToEquatableArray(),
            Checks(node, sourceColumns).ToEquatableArray(),
            node.Key,
            node.Incremental,
            TableLayout.Of(node));
    }

    /// <summary>
    /// The source columns a staging model reads, in the order silver reads them: those copied, then those its
    /// derived columns and defaults read. Also the quarantine's columns.
    /// </summary>
    public static List<string> SourceColumnNames(NodeSpec node) =>
        node.Columns.Where(c => c.UpstreamColumn is not null).Select(c => c.UpstreamColumn!)
            .Concat(node.Columns.Where(c => c.Derived is not null).SelectMany(c => Expr.ColumnsOf(c.Derived!)).Select(c => c.Name))
            .Concat(node.Columns.Where(c => c.Default is not null).SelectMany(c => Expr.ColumnsOf(c.Default!)).Select(c => c.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static SqlType TypeOf(NodeSpec node, Dictionary<string, SqlType> sourceTypes, string column) =>
        sourceTypes.TryGetValue(column, out var type)
            ? type
            // The resolver checks every copied and referenced column against the source (WH0011), so this is a bug.
            : throw new InvalidOperationException($"{node.Id} reads {column}, which its source {node.Upstream!.Id} does not declare");

    /// <summary>Casts and lengths of the source columns, then required model columns, then the rules, in declaration order.</summary>
    private static IEnumerable<StagingCheck> Checks(NodeSpec node, IEnumerable<SourceColumnPlan> sourceColumns)
    {
        foreach (var column in sourceColumns)
        {
            yield return column.Type.Kind == SqlTypeKind.Varchar
                ? new TooLongCheck(column.Name, column.Type.Length)
                : new InvalidCheck(column.Name, column.Type);
        }

        foreach (var column in node.Columns.Where(c => !c.Nullable))
        {
            yield return new MissingCheck(column.Name);
        }

        // An unparseable rule has already failed the build with a diagnostic; the emitters never see it.
        foreach (var rule in node.Rules.Where(r => r.Parsed is not null))
        {
            yield return new RuleCheck(rule.Name, rule.Parsed!, rule.Reason);
        }
    }
}
