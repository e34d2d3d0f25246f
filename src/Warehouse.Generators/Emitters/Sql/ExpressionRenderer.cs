using System;
using System.Collections.Generic;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>
/// Renders a bound, typed expression tree in one dialect; <paramref name="column"/> spells each column reference.
/// Each node is spelled so that every engine computes the value and type docs/expressions.md defines
/// (<see cref="ExpressionTypes"/>): a division through <see cref="SqlDialect.Divide"/>, a zero divisor as NULL, LIKE
/// with an explicit escape, text concatenation of non-text values in one text form, and a decimal whose scale the
/// engines would choose differently (CASE and COALESCE branches, round(), the result) cast to its exact type.
/// Every node appends to one <see cref="StringBuilder"/> and returns its type, so the time is linear in the output;
/// a function's arguments are rendered apart, because the dialect spells the call around them
/// (<see cref="FunctionCatalog.Render"/>).
/// </summary>
internal static class ExpressionRenderer
{
    public static string Render(Expr expression, SqlDialect dialect, Func<string, string> column)
    {
        var output = new StringBuilder();
        var type = Append(output, expression, dialect, column);
        // The result at its exact type: PostgreSQL's NUMERIC has no precision of its own.
        return type is { Kind: SqlTypeKind.Decimal } && !CastToItsType(expression) ? dialect.Cast(output.ToString(), type) : output.ToString();
    }

    /// <summary>Nodes rendered at their exact type already: a column, a quotient, and the nodes whose scale the engines would choose differently.</summary>
    private static bool CastToItsType(Expr expression) => expression switch
    {
        ColumnExpr or CaseExpr or BinaryExpr { Operator: "/" or "%" } => true,
        FunctionExpr function => function.Name is "coalesce" or "nvl" or "greatest" or "least" or "nullif" or "round" or "ceil" or "floor",
        _ => false,
    };

    private static SqlType? Append(StringBuilder output, Expr expression, SqlDialect dialect, Func<string, string> column)
    {
        switch (expression)
        {
            case LiteralExpr { Kind: LiteralKind.String } literal:
                output.Append(dialect.Literal(literal.Value));
                return ExpressionTypes.Of(literal);
            case LiteralExpr { Kind: LiteralKind.Date or LiteralKind.Timestamp } literal:
                var temporal = ExpressionTypes.Of(literal)!;
                output.Append(dialect.Cast(dialect.Literal(literal.Value), temporal));
                return temporal;
            case LiteralExpr { Kind: LiteralKind.Boolean } literal:
                output.Append(literal.Value.ToUpperInvariant());
                return ExpressionTypes.Of(literal);
            case LiteralExpr literal:
                var literalType = ExpressionTypes.Of(literal);
                // A whole number beyond BIGINT is a DECIMAL(n, 0) everywhere (DuckDB would read a HUGEINT).
                output.Append(literalType is { Kind: SqlTypeKind.Decimal, Scale: 0 } ? dialect.Cast(literal.Value, literalType) : literal.Value);
                return literalType;
            case ColumnExpr c:
                output.Append(column(c.Name));
                return c.Type;
            case UnaryExpr unary:
                output.Append(unary.Operator == "NOT" ? "NOT (" : "-(");
                var operand = Append(output, unary.Operand, dialect, column);
                output.Append(')');
                return unary.Operator == "NOT" ? new SqlType(SqlTypeKind.Boolean) : operand;
            case BinaryExpr binary:
                return AppendBinary(output, binary, dialect, column);
            case IsNullExpr isNull:
                output.Append('(');
                Append(output, isNull.Operand, dialect, column);
                output.Append(isNull.Negated ? " IS NOT NULL)" : " IS NULL)");
                return new SqlType(SqlTypeKind.Boolean);
            case BetweenExpr between:
                output.Append('(');
                Append(output, between.Operand, dialect, column);
                output.Append(between.Negated ? " NOT BETWEEN " : " BETWEEN ");
                Append(output, between.Low, dialect, column);
                output.Append(" AND ");
                Append(output, between.High, dialect, column);
                output.Append(')');
                return new SqlType(SqlTypeKind.Boolean);
            case InExpr inList:
                output.Append('(');
                Append(output, inList.Operand, dialect, column);
                output.Append(inList.Negated ? " NOT IN (" : " IN (");
                for (var i = 0; i < inList.Items.Count; i++)
                {
                    if (i > 0) output.Append(", ");
                    Append(output, inList.Items[i], dialect, column);
                }

                output.Append("))");
                return new SqlType(SqlTypeKind.Boolean);
            case CaseExpr caseExpr:
                var branches = new List<SqlType?>();
                var caseSql = new StringBuilder("CASE ");
                foreach (var when in caseExpr.Whens)
                {
                    caseSql.Append("WHEN ");
                    Append(caseSql, when.Condition, dialect, column);
                    caseSql.Append(" THEN ");
                    branches.Add(Append(caseSql, when.Result, dialect, column));
                    caseSql.Append(' ');
                }

                if (caseExpr.Else is not null)
                {
                    caseSql.Append("ELSE ");
                    branches.Add(Append(caseSql, caseExpr.Else, dialect, column));
                    caseSql.Append(' ');
                }

                caseSql.Append("END");
                return Exact(output, caseSql.ToString(), ExpressionTypes.OfBranches(branches), dialect);
            case FunctionExpr function:
                var arguments = new List<string>(function.Arguments.Count);
                var types = new List<SqlType?>(function.Arguments.Count);
                foreach (var argument in function.Arguments)
                {
                    var rendered = new StringBuilder();
                    types.Add(Append(rendered, argument, dialect, column));
                    arguments.Add(rendered.ToString());
                }

                var result = ExpressionTypes.OfFunction(function, types);
                var call = FunctionCatalog.Render(function, arguments, types, dialect);
                return CastToItsType(function) ? Exact(output, call, result, dialect) : Appended(output, call, result);
            default:
                throw new InvalidOperationException("unknown expression node " + expression.GetType().Name);
        }
    }

    private static SqlType? AppendBinary(StringBuilder output, BinaryExpr binary, SqlDialect dialect, Func<string, string> column)
    {
        var left = new StringBuilder();
        var right = new StringBuilder();
        var leftType = Append(left, binary.Left, dialect, column);
        var rightType = Append(right, binary.Right, dialect, column);
        var type = ExpressionTypes.OfBinary(binary.Operator, leftType, rightType);
        string l = left.ToString(), r = right.ToString();
        switch (binary.Operator)
        {
            case "/" when type is { Kind: SqlTypeKind.Decimal } && leftType is not null && rightType is not null:
                return Appended(output, dialect.Cast(dialect.Divide(l, r, type.Scale), type), type);
            case "/" or "%":
                // A zero divisor gives NULL on every engine (PostgreSQL and Redshift would fail the statement).
                return Exact(output, $"({l} {binary.Operator} NULLIF({r}, 0))", type, dialect);
            case "||":
                return Appended(output, FunctionCatalog.Concatenate(new[] { l, r }, new[] { leftType, rightType }, dialect), type);
            case "LIKE":
                // A backslash escapes % and _ on every engine (DuckDB has no default escape character).
                return Appended(output, $"({l} LIKE {r} ESCAPE {dialect.Literal("\\")})", type);
            case "-" when leftType is { Kind: SqlTypeKind.Date } && rightType is { Kind: SqlTypeKind.Date }:
                return Appended(output, $"CAST(({l} - {r}) AS INTEGER)", type);
            case "+" when rightType is { Kind: SqlTypeKind.Date }:
                return Appended(output, $"({r} + {l})", type); // DuckDB adds days to a date, not a date to days
            default:
                return Appended(output, $"({l} {binary.Operator} {r})", type);
        }
    }

    private static SqlType? Appended(StringBuilder output, string sql, SqlType? type)
    {
        output.Append(sql);
        return type;
    }

    /// <summary>A value whose decimal scale the engines choose differently (mixed branches, a rounding), cast to the type it has by docs/expressions.md.</summary>
    private static SqlType? Exact(StringBuilder output, string sql, SqlType? type, SqlDialect dialect) =>
        Appended(output, type is { Kind: SqlTypeKind.Decimal } ? dialect.Cast(sql, type) : sql, type);
}
