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
            LiteralExpr { Kind: LiteralKind.String } literal => SqlDialect.Literal(literal.Value),
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
            FunctionExpr function => Function(function, dialect, R),
            _ => throw new InvalidOperationException("unknown expression node " + expression.GetType().Name),
        };
    }

    private static string Function(FunctionExpr function, SqlDialect dialect, Func<Expr, string> render)
    {
        var args = function.Arguments.Select(render).ToList();
        string Call(string name) => $"{name}({string.Join(", ", args)})";
        return function.Name switch
        {
            "now" => dialect.Now,
            "current_date" => "CURRENT_DATE",
            "initcap" => dialect.InitCap(args[0]),
            "nvl" or "coalesce" => Call("COALESCE"),
            "concat" => "(" + string.Join(" || ", args) + ")",
            "year" or "quarter" or "month" or "day" => $"CAST(EXTRACT({function.Name.ToUpperInvariant()} FROM {args[0]}) AS INTEGER)",
            _ => Call(function.Name.ToUpperInvariant()),
        };
    }
}
