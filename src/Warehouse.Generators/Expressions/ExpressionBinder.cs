using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Expressions;

/// <summary>
/// Binds the column names written in an expression to the columns (names and types) of the table it reads, then
/// reads each string literal that stands beside a date or a timestamp (compared with it, a BETWEEN bound, an IN item,
/// another branch of a CASE or a coalesce) as a literal of that type, when it is one: <c>paid_on &gt;= '2024-01-01'</c>.
/// The language has no date literal of its own, and the SQL engines read such a string the same way.
/// </summary>
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

        return TemporalLiterals(Visit(expression));
    }

    /// <summary>
    /// <paramref name="literal"/> read as a value of <paramref name="type"/> when it is a string literal in the
    /// grammar bronze text of that type must match (docs/bronze-casts.md) and names a day that exists; otherwise itself.
    /// </summary>
    public static Expr AsTemporal(Expr literal, SqlType? type)
    {
        if (literal is not LiteralExpr { Kind: LiteralKind.String } text || type is null || !ExpressionTypes.IsTemporal(type)) return literal;
        var value = text.Value.Replace('T', ' ');
        var pattern = type.Kind == SqlTypeKind.Date ? BronzeGrammar.Date : BronzeGrammar.Timestamp;
        if (!Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant)) return literal;
        var day = value.Length >= 10 ? value.Substring(0, 10) : value;
        if (!DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return literal;
        return new LiteralExpr(type.Kind == SqlTypeKind.Date ? LiteralKind.Date : LiteralKind.Timestamp, value);
    }

    /// <summary>
    /// Every string literal beside a date or timestamp read as one (<see cref="AsTemporal"/>). A sibling's type is
    /// inferred only where a string literal stands beside it, so an expression without one is walked once.
    /// </summary>
    private static Expr TemporalLiterals(Expr expression)
    {
        static bool IsText(Expr e) => e is LiteralExpr { Kind: LiteralKind.String };

        // The first date or timestamp among the expressions, when one of them is a string literal.
        static SqlType? TemporalAmong(IReadOnlyCollection<Expr> expressions) =>
            expressions.Any(IsText)
                ? expressions.Where(e => !IsText(e)).Select(ExpressionTypes.Of).FirstOrDefault(t => t is not null && ExpressionTypes.IsTemporal(t))
                : null;

        Expr Visit(Expr e)
        {
            switch (e)
            {
                case BinaryExpr binary when binary.Operator is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=":
                    var sides = new[] { Visit(binary.Left), Visit(binary.Right) };
                    var sideType = TemporalAmong(sides);
                    return binary with { Left = AsTemporal(sides[0], sideType), Right = AsTemporal(sides[1], sideType) };
                case BetweenExpr between:
                    var operand = Visit(between.Operand);
                    var (low, high) = (Visit(between.Low), Visit(between.High));
                    var rangeType = IsText(low) || IsText(high) ? ExpressionTypes.Of(operand) : null;
                    return between with { Operand = operand, Low = AsTemporal(low, rangeType), High = AsTemporal(high, rangeType) };
                case InExpr inList:
                    var tested = Visit(inList.Operand);
                    var items = inList.Items.Select(Visit).ToList();
                    var testedType = items.Any(IsText) ? ExpressionTypes.Of(tested) : null;
                    return inList with { Operand = tested, Items = items.Select(i => AsTemporal(i, testedType)).ToEquatableArray() };
                case FunctionExpr { Name: "coalesce" or "nvl" or "greatest" or "least" or "nullif" } function:
                    var arguments = function.Arguments.Select(Visit).ToList();
                    var shared = TemporalAmong(arguments);
                    return function with { Arguments = arguments.Select(a => AsTemporal(a, shared)).ToEquatableArray() };
                case FunctionExpr function:
                    return function with { Arguments = function.Arguments.Select(Visit).ToEquatableArray() };
                case CaseExpr caseExpr:
                    var whens = caseExpr.Whens.Select(w => new WhenClause(Visit(w.Condition), Visit(w.Result))).ToList();
                    var otherwise = caseExpr.Else is null ? null : Visit(caseExpr.Else);
                    var branchType = TemporalAmong(whens.Select(w => w.Result).Concat(otherwise is null ? Array.Empty<Expr>() : new[] { otherwise }).ToList());
                    return caseExpr with
                    {
                        Whens = whens.Select(w => w with { Result = AsTemporal(w.Result, branchType) }).ToEquatableArray(),
                        Else = otherwise is null ? null : AsTemporal(otherwise, branchType),
                    };
                case BinaryExpr binary:
                    return binary with { Left = Visit(binary.Left), Right = Visit(binary.Right) };
                case UnaryExpr unary:
                    return unary with { Operand = Visit(unary.Operand) };
                case IsNullExpr isNull:
                    return isNull with { Operand = Visit(isNull.Operand) };
                default:
                    return e;
            }
        }

        return Visit(expression);
    }
}
