using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// What a dimension's slowly-changing type decides beyond its own load: which columns open a new version, whether
/// facts look it up as of their date, and which rows the tests of its columns hold among.
/// </summary>
internal static class ScdPolicy
{
    public static bool IsType2(NodeSpec spec) => spec.Kind == NodeKind.Dimension && spec.Scd == 2;

    /// <summary>
    /// The columns with their history flags: a type-2 dimension without any [History] column keeps history on all
    /// its attribute columns (the attribute's documented default); otherwise the flags stay as declared.
    /// </summary>
    public static List<ColumnSpec> WithHistory(NodeSpec dimension, List<ColumnSpec> columns) =>
        IsType2(dimension) && !columns.Any(c => c.History)
            ? columns.Select(c => c.Role == ColumnRole.Attribute ? c with { History = true } : c).ToList()
            : columns;

    /// <summary>A type-2 dimension's tests of uniqueness hold among current versions only: <c>is_current</c>.</summary>
    public static string? CurrentRows(NodeSpec spec) => IsType2(spec) ? "is_current" : null;

    /// <summary>A dimension's column tests skip its unknown member (surrogate key -1), which has no real values.</summary>
    public static string? KnownMembers(NodeSpec spec) =>
        spec.Kind == NodeKind.Dimension && spec.Columns.FirstOrDefault(c => c.Role == ColumnRole.SurrogateKey) is { } surrogate
            ? $"{surrogate.Name} <> -1"
            : null;
}
