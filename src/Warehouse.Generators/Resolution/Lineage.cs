using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// Where a column of a staging, dimension or fact model comes from: the upstream column of the same name (or
/// property name), or its <c>[Derived]</c> expression bound to the upstream's column names; its <c>[Default]</c>
/// is bound the same way. Names in the model may be C# property names or column names; both resolve.
/// </summary>
internal static class Lineage
{
    /// <summary>The column with <see cref="ColumnSpec.UpstreamColumn"/> or its bound expressions; WH0015/WH0011 when a name is not upstream.</summary>
    public static ColumnSpec Resolve(ParsedNode node, ColumnSpec column, NodeSpec upstream, DiagnosticSink sink)
    {
        var key = "prop:" + column.PropertyName;
        var resolved = column;
        if (column.Default is not null)
        {
            resolved = resolved with { Default = Bind(column.Default, upstream, ExpressionUse.Value(column.Type), node.FindFirst(key + ":Default", key), $"[Default] on '{column.PropertyName}'", sink) };
        }

        if (column.Derived is not null)
        {
            return resolved with { Derived = Bind(column.Derived, upstream, ExpressionUse.Value(column.Type), node.FindFirst(key + ":Derived", key), $"[Derived] on '{column.PropertyName}'", sink) };
        }

        var source = FindColumn(upstream, column.Name) ?? FindColumn(upstream, column.PropertyName);
        if (source is null && node.Find(key + ":unresolved") is not null)
        {
            return resolved; // its [Derived] does not parse, or an attribute does not compile: reported there
        }

        if (source is null)
        {
            sink.Report(DiagnosticDescriptors.MissingUpstreamColumn, node.FindFirst(key), upstream.TypeName, column.Name, $"'{column.PropertyName}'");
            return resolved;
        }

        return resolved with { UpstreamColumn = source.Name };
    }

    /// <summary>
    /// Binds the column names of <paramref name="expression"/> to <paramref name="table"/>'s columns; each unknown
    /// name is WH0011, naming the table's columns. A bound expression is then typed (<see cref="ExpressionTypes"/>):
    /// a type error inside it is WH0060, a result that does not suit its use (<paramref name="use"/>) WH0061/WH0062.
    /// </summary>
    public static Expr Bind(Expr expression, NodeSpec table, ExpressionUse use, LocationInfo? location, string what, DiagnosticSink sink)
    {
        var unknown = new List<string>();
        var bound = ExpressionBinder.Bind(expression, name => FindColumn(table, name), unknown);
        if (use.Target is { } column) bound = ExpressionBinder.AsTemporal(bound, column); // [Default("'1900-01-01'")] on a date
        foreach (var name in unknown.Distinct())
        {
            sink.UnknownColumn(location, what, name, table);
        }

        if (unknown.Count > 0) return bound; // its type is not known; the unknown column is the error to fix first

        var typing = ExpressionTypes.Type(bound);
        if (typing.Problem is { } problem)
        {
            sink.Report(DiagnosticDescriptors.ExpressionTypeMismatch, location, what, problem);
        }
        else if (use.Target is { } target)
        {
            if (typing.Type is { } type && ExpressionTypes.Assignment(type, target) is { } reason)
            {
                sink.Report(DiagnosticDescriptors.ExpressionDoesNotFitColumn, location, what, type.ToString(), target.ToString(), reason);
            }
        }
        else if (typing.Type is { Kind: not SqlTypeKind.Boolean } type)
        {
            sink.Report(DiagnosticDescriptors.RuleNotBoolean, location, what, type.ToString());
        }

        return bound;
    }

    /// <summary>A column by column name, else by property name.</summary>
    public static ColumnSpec? FindColumn(NodeSpec spec, string name) =>
        spec.Columns.FirstOrDefault(c => c.Name == name) ?? spec.Columns.FirstOrDefault(c => c.PropertyName == name);

    public static string? ColumnName(NodeSpec spec, string name) => FindColumn(spec, name)?.Name;
}
