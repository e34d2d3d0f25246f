using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Expressions;

/// <summary>Binds the column names written in an expression to the columns (names and types) of the table it reads.</summary>
internal static class ExpressionBinder
{
    /// <summary>
    /// Returns the expression with every column resolved by <paramref name="resolve"/> (which maps a written name to
    /// the column, or null when unknown) to its column name and type; the unknown names are added to <paramref name="unknown"/>.
    /// </summary>
    public static Expr Bind(Expr expression, Func<string, ColumnSpec?> resolve, ICollection<string> unknown)
    {
        Expr Visit(Expr e) => e switch
        {
            ColumnExpr column => resolve(column.Name) is { } bound ? new ColumnExpr(bound.Name, bound.Type) : Unknown(column),
            FunctionExpr function => function with { Arguments = function.Arguments.Select(Visit).ToEquatableArray() },
            BinaryExpr binary => binary with { Left = Visit(binary.Left), Right = Visit(binary.Right) },
            UnaryExpr unary => unary with { Operand = Visit(unary.Operand) },
            IsNullExpr isNull => isNull with { Operand = Visit(isNull.Operand) },
            BetweenExpr between => between with { Operand = Visit(between.Operand), Low = Visit(between.Low), High = Visit(between.High) },
            InExpr inList => inList with { Operand = Visit(inList.Operand), Items = inList.Items.Select(Visit).ToEquatableArray() },
            CaseExpr caseExpr => caseExpr with
            {
                Whens = caseExpr.Whens.Select(w => new WhenClause(Visit(w.Condition), Visit(w.Result))).ToEquatableArray(),
                Else = caseExpr.Else is null ? null : Visit(caseExpr.Else),
            },
            _ => e,
        };

        Expr Unknown(ColumnExpr column)
        {
            unknown.Add(column.Name);
            return column;
        }

        return Visit(expression);
    }
}
