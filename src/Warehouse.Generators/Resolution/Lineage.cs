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
        string? Upstream(string name) => ColumnName(upstream, name);
        var resolved = column;
        if (column.Default is not null)
        {
            resolved = resolved with { Default = Bind(column.Default, upstream, Upstream, node.FindFirst(key + ":Default", key), $"[Default] on '{column.PropertyName}'", sink) };
        }

        if (column.Derived is not null)
        {
            return resolved with { Derived = Bind(column.Derived, upstream, Upstream, node.FindFirst(key + ":Derived", key), $"[Derived] on '{column.PropertyName}'", sink) };
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

    /// <summary>Binds the column names of <paramref name="expression"/> through <paramref name="resolve"/>; each unknown name is WH0011, naming <paramref name="table"/>'s columns.</summary>
    public static Expr Bind(Expr expression, NodeSpec table, Func<string, string?> resolve, LocationInfo? location, string what, DiagnosticSink sink)
    {
        var unknown = new List<string>();
        var bound = ExpressionBinder.Bind(expression, resolve, unknown);
        foreach (var name in unknown.Distinct())
        {
            sink.UnknownColumn(location, what, name, table);
        }

        return bound;
    }

    /// <summary>A column by column name, else by property name.</summary>
    public static ColumnSpec? FindColumn(NodeSpec spec, string name) =>
        spec.Columns.FirstOrDefault(c => c.Name == name) ?? spec.Columns.FirstOrDefault(c => c.PropertyName == name);

    public static string? ColumnName(NodeSpec spec, string name) => FindColumn(spec, name)?.Name;
}
