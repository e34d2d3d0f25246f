using System;
using System.Linq;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;

namespace Warehouse.Generators.Emitters.Sql;

/// <summary>Renders a bound expression tree in one dialect; <paramref name="column"/> spells each column reference.</summary>
internal static class ExpressionRenderer
{
    public static string Render(Expr expression, SqlDialect dialect, Func<string, string> column)
    {
        string R(Expr e) => Render(e, dialect, column);

        return expression switch
        {
            LiteralExpr { Kind: LiteralKind.String } literal => dialect.Literal(literal.Value),
            LiteralExpr { Kind: LiteralKind.Boolean } literal => literal.Value.ToUpperInvariant(),
            LiteralExpr literal => literal.Value,
            ColumnExpr c => column(c.Name),
            UnaryExpr { Operator: "NOT" } unary => $"NOT ({R(unary.Operand)})",
            UnaryExpr unary => $"-({R(unary.Operand)})",
            BinaryExpr binary => $"({R(binary.Left)} {binary.Operator} {R(binary.Right)})",
            IsNullExpr isNull => $"({R(isNull.Operand)} IS {(isNull.Negated ? "NOT " : string.Empty)}NULL)",
            BetweenExpr between => $"({R(between.Operand)} {(between.Negated ? "NOT " : string.Empty)}BETWEEN {R(between.Low)} AND {R(between.High)})",
            InExpr inList => $"({R(inList.Operand)} {(inList.Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", inList.Items.Select(R))}))",
            CaseExpr caseExpr => "CASE " + string.Concat(caseExpr.Whens.Select(w => $"WHEN {R(w.Condition)} THEN {R(w.Result)} "))
                + (caseExpr.Else is null ? string.Empty : $"ELSE {R(caseExpr.Else)} ") + "END",
            FunctionExpr function => FunctionCatalog.Render(function.Name, function.Arguments.Select(R).ToList(), dialect),
            _ => throw new InvalidOperationException("unknown expression node " + expression.GetType().Name),
        };
    }
}
