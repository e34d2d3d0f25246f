using System;
using System.Collections.Generic;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>
/// Renders a bound expression tree in one dialect; <paramref name="column"/> spells each column reference. Every node
/// appends to one <see cref="StringBuilder"/>, so the time is linear in the output (nested interpolated strings
/// copied every operand once per level above it: quadratic in a chain of operators). A function's arguments are
/// rendered apart, because the dialect spells the call around them (<see cref="FunctionCatalog.Render"/>).
/// </summary>
internal static class ExpressionRenderer
{
    public static string Render(Expr expression, SqlDialect dialect, Func<string, string> column)
    {
        var output = new StringBuilder();
        Append(output, expression, dialect, column);
        return output.ToString();
    }

    private static void Append(StringBuilder output, Expr expression, SqlDialect dialect, Func<string, string> column)
    {
        void A(Expr e) => Append(output, e, dialect, column);

        switch (expression)
        {
            case LiteralExpr { Kind: LiteralKind.String } literal:
                output.Append(dialect.Literal(literal.Value));
                break;
            case LiteralExpr { Kind: LiteralKind.Boolean } literal:
                output.Append(literal.Value.ToUpperInvariant());
                break;
            case LiteralExpr literal:
                output.Append(literal.Value);
                break;
            case ColumnExpr c:
                output.Append(column(c.Name));
                break;
            case UnaryExpr unary:
                output.Append(unary.Operator == "NOT" ? "NOT (" : "-(");
                A(unary.Operand);
                output.Append(')');
                break;
            case BinaryExpr binary:
                output.Append('(');
                A(binary.Left);
                output.Append(' ').Append(binary.Operator).Append(' ');
                A(binary.Right);
                output.Append(')');
                break;
            case IsNullExpr isNull:
                output.Append('(');
                A(isNull.Operand);
                output.Append(isNull.Negated ? " IS NOT NULL)" : " IS NULL)");
                break;
            case BetweenExpr between:
                output.Append('(');
                A(between.Operand);
                output.Append(between.Negated ? " NOT BETWEEN " : " BETWEEN ");
                A(between.Low);
                output.Append(" AND ");
                A(between.High);
                output.Append(')');
                break;
            case InExpr inList:
                output.Append('(');
                A(inList.Operand);
                output.Append(inList.Negated ? " NOT IN (" : " IN (");
                for (var i = 0; i < inList.Items.Count; i++)
                {
                    if (i > 0) output.Append(", ");
                    A(inList.Items[i]);
                }

                output.Append("))");
                break;
            case CaseExpr caseExpr:
                output.Append("CASE ");
                foreach (var when in caseExpr.Whens)
                {
                    output.Append("WHEN ");
                    A(when.Condition);
                    output.Append(" THEN ");
                    A(when.Result);
                    output.Append(' ');
                }

                if (caseExpr.Else is not null)
                {
                    output.Append("ELSE ");
                    A(caseExpr.Else);
                    output.Append(' ');
                }

                output.Append("END");
                break;
            case FunctionExpr function:
                var arguments = new List<string>(function.Arguments.Count);
                foreach (var argument in function.Arguments) arguments.Add(Render(argument, dialect, column));
                output.Append(FunctionCatalog.Render(function.Name, arguments, dialect));
                break;
            default:
                throw new InvalidOperationException("unknown expression node " + expression.GetType().Name);
        }
    }
}
