using System.Collections.Generic;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

// The tree of a SQL body, as SqlParser builds it. Every node keeps the offset of its first token (and its length where
// a diagnostic may point at it), in the body's text. The tree is transient: the generator binds it and the renderers
// spell it per dialect; the spec keeps the body's text (SqlPart), which re-parses to the same tree.

internal abstract class SqlNode
{
    public int Offset { get; init; }

    public int Length { get; init; }
}

/// <summary>A query: WITH, a body (a SELECT or a set operation), ORDER BY, LIMIT and OFFSET.</summary>
internal sealed class SqlQuery : SqlNode
{
    public IReadOnlyList<SqlCte> With { get; init; } = new SqlCte[0];

    public bool Recursive { get; init; }

    public required SqlQueryBody Body { get; init; }

    public IReadOnlyList<SqlOrderItem> OrderBy { get; init; } = new SqlOrderItem[0];

    public SqlExpr? Limit { get; init; }

    public SqlExpr? OffsetRows { get; init; }
}

internal sealed class SqlCte : SqlNode
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = new string[0];

    public required SqlQuery Query { get; init; }
}

internal abstract class SqlQueryBody : SqlNode;

internal sealed class SqlSelect : SqlQueryBody
{
    public bool Distinct { get; init; }

    /// <summary>PostgreSQL's and DuckDB's DISTINCT ON (...); null when absent.</summary>
    public IReadOnlyList<SqlExpr>? DistinctOn { get; init; }

    public required IReadOnlyList<SqlSelectItem> Items { get; init; }

    public IReadOnlyList<SqlTable> From { get; init; } = new SqlTable[0];

    public SqlExpr? Where { get; init; }

    public IReadOnlyList<SqlExpr> GroupBy { get; init; } = new SqlExpr[0];

    public SqlExpr? Having { get; init; }
}

/// <summary>UNION, INTERSECT or EXCEPT, with or without ALL.</summary>
internal sealed class SqlSetOperation : SqlQueryBody
{
    public required SqlQueryBody Left { get; init; }

    public required string Operator { get; init; }

    public bool All { get; init; }

    public required SqlQueryBody Right { get; init; }
}

/// <summary>A parenthesised query inside a set operation, which may have its own ORDER BY and LIMIT.</summary>
internal sealed class SqlNestedQuery : SqlQueryBody
{
    public required SqlQuery Query { get; init; }
}

/// <summary>An output of a SELECT: an expression with its alias, or a star (<c>*</c>, <c>t.*</c>).</summary>
internal sealed class SqlSelectItem : SqlNode
{
    public SqlExpr? Expression { get; init; }

    public string? StarQualifier { get; init; }

    public string? Alias { get; init; }
}

internal abstract class SqlTable : SqlNode;

/// <summary>A table by name: a typed reference to a model (<see cref="Reference"/> is its part index) or a CTE.</summary>
internal sealed class SqlNamedTable : SqlTable
{
    public int Reference { get; init; } = -1;

    public string? Name { get; init; }

    public string? Alias { get; init; }
}

internal sealed class SqlDerivedTable : SqlTable
{
    public bool Lateral { get; init; }

    public required SqlQuery Query { get; init; }

    public required string Alias { get; init; }
}

internal enum SqlJoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
}

internal sealed class SqlJoin : SqlTable
{
    public required SqlTable Left { get; init; }

    public SqlJoinKind Kind { get; init; }

    public bool Natural { get; init; }

    public required SqlTable Right { get; init; }

    public SqlExpr? On { get; init; }

    public IReadOnlyList<SqlColumn> Using { get; init; } = new SqlColumn[0];
}

internal sealed class SqlOrderItem : SqlNode
{
    public required SqlExpr Expression { get; init; }

    public bool Descending { get; init; }

    /// <summary>NULLS FIRST (true), NULLS LAST (false), or as the engine orders (null).</summary>
    public bool? NullsFirst { get; init; }
}

internal abstract class SqlExpr : SqlNode;

internal sealed class SqlColumn : SqlExpr
{
    public string? Qualifier { get; init; }

    public required string Name { get; init; }
}

internal enum SqlLiteralKind
{
    Number,
    String,
    Boolean,
    Null,
}

internal sealed class SqlLiteral : SqlExpr
{
    public SqlLiteralKind Kind { get; init; }

    /// <summary>The number as written, the string's value, <c>TRUE</c>/<c>FALSE</c>, or <c>NULL</c>.</summary>
    public required string Text { get; init; }
}

/// <summary><c>INTERVAL '1 day'</c>: every engine of the registry spells it alike.</summary>
internal sealed class SqlInterval : SqlExpr
{
    public required string Text { get; init; }
}

internal sealed class SqlUnary : SqlExpr
{
    /// <summary><c>-</c>, <c>+</c> or <c>NOT</c>.</summary>
    public required string Operator { get; init; }

    public required SqlExpr Operand { get; init; }
}

internal sealed class SqlBinary : SqlExpr
{
    /// <summary>Upper case: AND, OR, LIKE, NOT LIKE, ILIKE, NOT ILIKE, or a symbol (=, &lt;&gt;, +, ||, ...).</summary>
    public required string Operator { get; init; }

    public required SqlExpr Left { get; init; }

    public required SqlExpr Right { get; init; }
}

/// <summary>Parentheses as written: the renderer keeps the user's grouping and adds none of its own.</summary>
internal sealed class SqlParenthesized : SqlExpr
{
    public required SqlExpr Inner { get; init; }
}

internal sealed class SqlFunctionCall : SqlExpr
{
    /// <summary>Lower case.</summary>
    public required string Name { get; init; }

    public bool Distinct { get; init; }

    /// <summary><c>COUNT(*)</c>.</summary>
    public bool Star { get; init; }

    public IReadOnlyList<SqlExpr> Arguments { get; init; } = new SqlExpr[0];

    /// <summary>An aggregate's FILTER (WHERE ...).</summary>
    public SqlExpr? Filter { get; init; }

    public SqlWindow? Over { get; init; }
}

internal sealed class SqlWindow : SqlNode
{
    public IReadOnlyList<SqlExpr> PartitionBy { get; init; } = new SqlExpr[0];

    public IReadOnlyList<SqlOrderItem> OrderBy { get; init; } = new SqlOrderItem[0];

    public SqlFrame? Frame { get; init; }
}

/// <summary>A window frame: ROWS, RANGE or GROUPS, BETWEEN start AND end (or start alone).</summary>
internal sealed class SqlFrame : SqlNode
{
    public required string Units { get; init; }

    public required SqlFrameBound Start { get; init; }

    public SqlFrameBound? End { get; init; }
}

/// <summary>UNBOUNDED PRECEDING/FOLLOWING, CURRENT ROW, or an offset PRECEDING/FOLLOWING.</summary>
internal sealed class SqlFrameBound : SqlNode
{
    /// <summary>UNBOUNDED PRECEDING, UNBOUNDED FOLLOWING, CURRENT ROW, PRECEDING or FOLLOWING.</summary>
    public required string Kind { get; init; }

    public SqlExpr? Rows { get; init; }
}

internal sealed class SqlCase : SqlExpr
{
    public SqlExpr? Operand { get; init; }

    public required IReadOnlyList<(SqlExpr When, SqlExpr Then)> Whens { get; init; }

    public SqlExpr? Else { get; init; }
}

/// <summary><c>CAST(x AS type)</c>, <c>x::type</c>, or a typed literal (<c>DATE '2024-01-31'</c>): the type is a logical one, spelled per dialect.</summary>
internal sealed class SqlCast : SqlExpr
{
    public required SqlExpr Operand { get; init; }

    public required SqlType Type { get; init; }
}

/// <summary><c>x IS [NOT] NULL|TRUE|FALSE</c>.</summary>
internal sealed class SqlIs : SqlExpr
{
    public required SqlExpr Operand { get; init; }

    public bool Not { get; init; }

    public required string What { get; init; }
}

internal sealed class SqlIsDistinct : SqlExpr
{
    public required SqlExpr Left { get; init; }

    public bool Not { get; init; }

    public required SqlExpr Right { get; init; }
}

internal sealed class SqlInList : SqlExpr
{
    public required SqlExpr Operand { get; init; }

    public bool Not { get; init; }

    public required IReadOnlyList<SqlExpr> Items { get; init; }
}

internal sealed class SqlInQuery : SqlExpr
{
    public required SqlExpr Operand { get; init; }

    public bool Not { get; init; }

    public required SqlQuery Query { get; init; }
}

internal sealed class SqlBetween : SqlExpr
{
    public required SqlExpr Operand { get; init; }

    public bool Not { get; init; }

    public required SqlExpr Low { get; init; }

    public required SqlExpr High { get; init; }
}

internal sealed class SqlExists : SqlExpr
{
    public required SqlQuery Query { get; init; }
}

/// <summary>A scalar subquery: one row, one column.</summary>
internal sealed class SqlSubquery : SqlExpr
{
    public required SqlQuery Query { get; init; }
}

internal static class SqlTree
{
    /// <summary>An expression's direct sub-expressions (not those inside subqueries, which have their own scope).</summary>
    public static IEnumerable<SqlExpr> Children(SqlExpr expression)
    {
        switch (expression)
        {
            case SqlUnary unary:
                yield return unary.Operand;
                break;
            case SqlBinary binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case SqlParenthesized parenthesized:
                yield return parenthesized.Inner;
                break;
            case SqlFunctionCall call:
                foreach (var argument in call.Arguments) yield return argument;
                if (call.Filter is not null) yield return call.Filter;
                if (call.Over is { } over)
                {
                    foreach (var partition in over.PartitionBy) yield return partition;
                    foreach (var order in over.OrderBy) yield return order.Expression;
                }

                break;
            case SqlCase @case:
                if (@case.Operand is not null) yield return @case.Operand;
                foreach (var (when, then) in @case.Whens)
                {
                    yield return when;
                    yield return then;
                }

                if (@case.Else is not null) yield return @case.Else;
                break;
            case SqlCast cast:
                yield return cast.Operand;
                break;
            case SqlIs @is:
                yield return @is.Operand;
                break;
            case SqlIsDistinct distinct:
                yield return distinct.Left;
                yield return distinct.Right;
                break;
            case SqlInList inList:
                yield return inList.Operand;
                foreach (var item in inList.Items) yield return item;
                break;
            case SqlInQuery inQuery:
                yield return inQuery.Operand;
                break;
            case SqlBetween between:
                yield return between.Operand;
                yield return between.Low;
                yield return between.High;
                break;
        }
    }
}
