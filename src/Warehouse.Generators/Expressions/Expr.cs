using Warehouse.Generators.Model;

namespace Warehouse.Generators.Expressions;

/// <summary>
/// The small expression tree that derived columns, defaults and rules compile to. Records, so the tree compares
/// by value inside the incremental pipeline; each dialect renders it (<c>ExpressionRenderer</c>).
/// </summary>
internal abstract record Expr;

internal enum LiteralKind
{
    Number,
    String,
    Boolean,
    Null,
}

internal sealed record LiteralExpr(LiteralKind Kind, string Value) : Expr;

/// <summary>A column, by the name written in the expression (property or column name) until resolved to the column name.</summary>
internal sealed record ColumnExpr(string Name) : Expr;

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
