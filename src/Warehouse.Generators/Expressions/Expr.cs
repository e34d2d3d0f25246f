using System.Collections.Generic;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Expressions;

/// <summary>
/// The small expression tree that derived columns, defaults and rules compile to. Records, so the tree compares
/// by value inside the incremental pipeline; each dialect renders it (<c>ExpressionRenderer</c>).
/// </summary>
internal abstract record Expr
{
    /// <summary>The columns an expression reads, as written.</summary>
    public static IEnumerable<ColumnExpr> ColumnsOf(Expr expression)
    {
        switch (expression)
        {
            case ColumnExpr column:
                yield return column;
                break;
            case FunctionExpr function:
                foreach (var argument in function.Arguments)
                {
                    foreach (var c in ColumnsOf(argument)) yield return c;
                }

                break;
            case BinaryExpr binary:
                foreach (var c in ColumnsOf(binary.Left)) yield return c;
                foreach (var c in ColumnsOf(binary.Right)) yield return c;
                break;
            case UnaryExpr unary:
                foreach (var c in ColumnsOf(unary.Operand)) yield return c;
                break;
            case IsNullExpr isNull:
                foreach (var c in ColumnsOf(isNull.Operand)) yield return c;
                break;
            case BetweenExpr between:
                foreach (var c in ColumnsOf(between.Operand)) yield return c;
                foreach (var c in ColumnsOf(between.Low)) yield return c;
                foreach (var c in ColumnsOf(between.High)) yield return c;
                break;
            case InExpr inList:
                foreach (var c in ColumnsOf(inList.Operand)) yield return c;
                foreach (var item in inList.Items)
                {
                    foreach (var c in ColumnsOf(item)) yield return c;
                }

                break;
            case CaseExpr caseExpr:
                foreach (var when in caseExpr.Whens)
                {
                    foreach (var c in ColumnsOf(when.Condition)) yield return c;
                    foreach (var c in ColumnsOf(when.Result)) yield return c;
                }

                if (caseExpr.Else is not null)
                {
                    foreach (var c in ColumnsOf(caseExpr.Else)) yield return c;
                }

                break;
        }
    }
}

internal enum LiteralKind
{
    Number,
    String,
    Boolean,
    Null,

    /// <summary>A string literal the binder read as a date (<c>'2024-02-29'</c> beside a date, <see cref="ExpressionBinder"/>).</summary>
    Date,

    /// <summary>A string literal the binder read as a timestamp (<c>'2024-02-29 10:00'</c> beside a timestamp).</summary>
    Timestamp,
}

internal sealed record LiteralExpr(LiteralKind Kind, string Value) : Expr;

/// <summary>
/// A column, by the name written in the expression (property or column name) until bound to the column name and
/// the column's type (<see cref="ExpressionBinder"/>): a bound tree carries every type its typing needs
/// (<see cref="ExpressionTypes"/>), so the renderer and the checks need no table beside it.
/// </summary>
internal sealed record ColumnExpr(string Name, SqlType? Type = null) : Expr;

internal sealed record FunctionExpr(string Name, EquatableArray<Expr> Arguments) : Expr;

/// <summary>Binary operators: arithmetic, comparison, AND/OR, LIKE and string concatenation (||).</summary>
internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right) : Expr;

/// <summary>NOT and unary minus.</summary>
internal sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

internal sealed record IsNullExpr(Expr Operand, bool Negated) : Expr;

internal sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Negated) : Expr;

internal sealed record InExpr(Expr Operand, EquatableArray<Expr> Items, bool Negated) : Expr;

internal sealed record WhenClause(Expr Condition, Expr Result);

internal sealed record CaseExpr(EquatableArray<WhenClause> Whens, Expr? Else) : Expr;
