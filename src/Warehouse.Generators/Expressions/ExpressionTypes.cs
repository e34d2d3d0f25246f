using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Expressions;

/// <summary>Where an expression's value goes: into a column of a type (<c>[Derived]</c>, <c>[Default]</c>), or a condition (<c>[Rule]</c>).</summary>
internal sealed record ExpressionUse(SqlType? Target)
{
    public static readonly ExpressionUse Condition = new((SqlType?)null);

    public static ExpressionUse Value(SqlType target) => new(target);
}

/// <summary>The type of a bound expression (null: only NULL, which suits any type), or why it has none.</summary>
internal readonly record struct Typing(SqlType? Type, string? Problem);

/// <summary>
/// The types of <c>[Derived]</c>, <c>[Default]</c> and <c>[Rule]</c> expressions, from the column types the binder
/// put on every column (<see cref="ColumnExpr.Type"/>). These rules are the language's semantics
/// (docs/expressions.md): the renderer spells each node so that every engine computes a value of exactly this type,
/// and the checks report an expression that has no type (arithmetic on text, a date compared with a number, CASE
/// branches that do not mix) or whose type does not suit its column.
/// </summary>
internal static class ExpressionTypes
{
    /// <summary>The largest precision and scale a decimal may have: the strictest dialect's (Redshift's, DuckDB's).</summary>
    public const int MaxPrecision = 38;

    /// <summary>The scale of a quotient is at least this, so <c>1 / 3</c> keeps six places (docs/expressions.md, "Division").</summary>
    public const int MinQuotientScale = 6;

    /// <summary>The units <c>date_trunc</c> accepts, spelled alike and meaning the same on every engine (weeks start on Monday).</summary>
    public static readonly IReadOnlyCollection<string> TruncationUnits = new[] { "year", "quarter", "month", "week", "day", "hour", "minute", "second" };

    public static Typing Type(Expr expression)
    {
        string? problem = null;
        var type = Infer(expression, ref problem);
        return new Typing(problem is null ? type : null, problem);
    }

    /// <summary>The type of <paramref name="expression"/>, assuming it types (the renderer's question; the checks ran first).</summary>
    public static SqlType? Of(Expr expression)
    {
        string? problem = null;
        return Infer(expression, ref problem);
    }

    /// <summary>Why a value of type <paramref name="value"/> may not go into a column of type <paramref name="column"/>; null when it may.</summary>
    public static string? Assignment(SqlType value, SqlType column)
    {
        if (IsInteger(column) && value.Kind == SqlTypeKind.Decimal && value.Scale > 0)
        {
            return "a decimal with a fraction does not go into an integer column without an explicit rounding: wrap it in round(), floor() or ceil() (the whole quotient of integers is div(a, b), since '/' keeps the fraction), or declare the column decimal";
        }

        if (IsInteger(column) && IsFloat(value))
        {
            return "a floating-point value does not go into an integer column: the engines round floating-point values differently, in a cast and in round() alike; declare the column double or decimal";
        }

        if (value.Kind == column.Kind || value.IsNumeric && column.IsNumeric) return null;
        if (value.Kind == SqlTypeKind.Varchar) return $"text is never converted implicitly; give {Article(column.Kind)}, or, to parse text as it lands in bronze, declare the [Source] column with that type";
        if (column.Kind == SqlTypeKind.Varchar)
        {
            return IsFloat(value) ? FloatAsText : null;
        }

        if (value.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp && column.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp) return null;
        if (value.Kind == SqlTypeKind.Boolean && column.IsNumeric) return "a boolean is not a number; count it as CASE WHEN ... THEN 1 ELSE 0 END, or declare the column bool";
        return $"{Article(value.Kind)} is not {Article(column.Kind)}; compute {Article(column.Kind)}, or declare the column with the expression's type";
    }

    public static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt;

    public static bool IsFloat(SqlType type) => type.Kind is SqlTypeKind.Double or SqlTypeKind.Real;

    public static bool IsTemporal(SqlType type) => type.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp;

    /// <summary>
    /// The type of a quotient: DECIMAL(38, s) with s the larger of the operands' scales and
    /// <see cref="MinQuotientScale"/>, or DOUBLE when an operand is floating-point. Integer division is <c>div</c>.
    /// </summary>
    public static SqlType Quotient(SqlType left, SqlType right) =>
        IsFloat(left) || IsFloat(right)
            ? new SqlType(SqlTypeKind.Double)
            : Decimal(MaxPrecision, System.Math.Max(MinQuotientScale, System.Math.Max(ScaleOf(left), ScaleOf(right))));

    /// <summary>The type values of <paramref name="left"/> and <paramref name="right"/> share (CASE, COALESCE, comparisons); null when they do not mix.</summary>
    public static SqlType? Common(SqlType left, SqlType right)
    {
        if (left.Kind == right.Kind)
        {
            return left.Kind switch
            {
                SqlTypeKind.Varchar => left with { Length = System.Math.Max(left.Length, right.Length) },
                SqlTypeKind.Decimal => DecimalOf(System.Math.Max(IntegerDigits(left), IntegerDigits(right)), System.Math.Max(left.Scale, right.Scale)),
                _ => left,
            };
        }

        if (left.IsNumeric && right.IsNumeric)
        {
            if (IsFloat(left) || IsFloat(right)) return new SqlType(SqlTypeKind.Double);
            if (left.Kind == SqlTypeKind.Decimal || right.Kind == SqlTypeKind.Decimal)
            {
                return DecimalOf(System.Math.Max(IntegerDigits(left), IntegerDigits(right)), System.Math.Max(ScaleOf(left), ScaleOf(right)));
            }

            return Rank(left) >= Rank(right) ? left : right;
        }

        if (IsTemporal(left) && IsTemporal(right)) return new SqlType(SqlTypeKind.Timestamp);
        return null;
    }

    private static SqlType? Infer(Expr expression, ref string? problem)
    {
        switch (expression)
        {
            case LiteralExpr literal:
                return Literal(literal);
            case ColumnExpr column:
                return column.Type;
            case UnaryExpr { Operator: "NOT" } not:
                Expect(Infer(not.Operand, ref problem), SqlTypeKind.Boolean, "NOT", ref problem);
                return Boolean;
            case UnaryExpr minus:
                var operand = Infer(minus.Operand, ref problem);
                if (operand is { IsNumeric: false }) Fail(ref problem, $"'-' needs a number, not {Article(operand)}");
                return operand;
            case BinaryExpr binary:
                var left = Infer(binary.Left, ref problem);
                return Binary(binary.Operator, left, Infer(binary.Right, ref problem), ref problem);
            case IsNullExpr isNull:
                Infer(isNull.Operand, ref problem);
                return Boolean;
            case BetweenExpr between:
                var value = Infer(between.Operand, ref problem);
                Compare(value, Infer(between.Low, ref problem), "BETWEEN", ref problem);
                Compare(value, Infer(between.High, ref problem), "BETWEEN", ref problem);
                return Boolean;
            case InExpr inList:
                var tested = Infer(inList.Operand, ref problem);
                foreach (var item in inList.Items) Compare(tested, Infer(item, ref problem), "IN", ref problem);
                return Boolean;
            case CaseExpr caseExpr:
                SqlType? result = null;
                foreach (var when in caseExpr.Whens)
                {
                    Expect(Infer(when.Condition, ref problem), SqlTypeKind.Boolean, "a CASE condition", ref problem);
                    result = Mix(result, Infer(when.Result, ref problem), "CASE branches", ref problem);
                }

                return caseExpr.Else is null ? result : Mix(result, Infer(caseExpr.Else, ref problem), "CASE branches", ref problem);
            case FunctionExpr function:
                var arguments = new List<SqlType?>(function.Arguments.Count);
                foreach (var argument in function.Arguments) arguments.Add(Infer(argument, ref problem));
                return Function(function, arguments, ref problem);
            default:
                return null;
        }
    }

    /// <summary>The type of <paramref name="op"/> on operands of these types (the renderer's question: the checks ran first).</summary>
    public static SqlType? OfBinary(string op, SqlType? left, SqlType? right)
    {
        string? problem = null;
        return Binary(op, left, right, ref problem);
    }

    /// <summary>The type of <paramref name="call"/> on arguments of these types (the renderer's question: the checks ran first).</summary>
    public static SqlType? OfFunction(FunctionExpr call, IReadOnlyList<SqlType?> arguments)
    {
        string? problem = null;
        return Function(call, arguments, ref problem);
    }

    /// <summary>The type CASE branches of these types share.</summary>
    public static SqlType? OfBranches(IEnumerable<SqlType?> branches)
    {
        string? problem = null;
        SqlType? shared = null;
        foreach (var branch in branches) shared = Mix(shared, branch, "CASE branches", ref problem);
        return shared;
    }

    private static SqlType? Binary(string op, SqlType? left, SqlType? right, ref string? problem)
    {
        switch (op)
        {
            case "AND" or "OR":
                Expect(left, SqlTypeKind.Boolean, op, ref problem);
                Expect(right, SqlTypeKind.Boolean, op, ref problem);
                return Boolean;
            case "LIKE":
                Expect(left, SqlTypeKind.Varchar, op, ref problem);
                Expect(right, SqlTypeKind.Varchar, op, ref problem);
                return Boolean;
            case "||":
                return Concatenation(new[] { left, right }, ref problem);
            case "+" or "-" or "*" or "/" or "%":
                return Arithmetic(op, left, right, ref problem);
            default:
                Compare(left, right, $"'{op}'", ref problem);
                return Boolean;
        }
    }

    private static SqlType? Arithmetic(string op, SqlType? left, SqlType? right, ref string? problem)
    {
        // A date moves by whole days, and two dates differ by a number of days; nothing else mixes with a date.
        if (left is { Kind: SqlTypeKind.Date } && op is "+" or "-" && (right is null || IsInteger(right))) return left;
        if (right is { Kind: SqlTypeKind.Date } && op == "+" && (left is null || IsInteger(left))) return right;
        if (left is { Kind: SqlTypeKind.Date } && right is { Kind: SqlTypeKind.Date } && op == "-") return new SqlType(SqlTypeKind.Integer);
        if (left is { IsNumeric: false } || right is { IsNumeric: false })
        {
            Fail(ref problem, left is { Kind: SqlTypeKind.Date } || right is { Kind: SqlTypeKind.Date }
                ? $"a date moves by whole days (date + integer, date - integer) and two dates differ by days (date - date), but this is {Operand(left)} {op} {Operand(right)}"
                : $"'{op}' needs numbers, not {Operand(left)} and {Operand(right)}" + (op == "+" && (left is { Kind: SqlTypeKind.Varchar } || right is { Kind: SqlTypeKind.Varchar }) ? "; text is joined with '||'" : string.Empty));
            return null;
        }

        if (left is null || right is null) return left ?? right;
        if (op == "/") return Quotient(left, right);
        if (IsFloat(left) || IsFloat(right)) return new SqlType(SqlTypeKind.Double);
        if (IsInteger(left) && IsInteger(right)) return Rank(left) >= Rank(right) ? left : right;
        return op switch
        {
            // The exact result: a sum needs one digit more; a product the digits and places of both.
            "+" or "-" => DecimalOf(System.Math.Max(IntegerDigits(left), IntegerDigits(right)) + 1, System.Math.Max(ScaleOf(left), ScaleOf(right))),
            "*" => DecimalOf(IntegerDigits(left) + IntegerDigits(right), ScaleOf(left) + ScaleOf(right)),
            _ => DecimalOf(System.Math.Max(IntegerDigits(left), IntegerDigits(right)), System.Math.Max(ScaleOf(left), ScaleOf(right))),
        };
    }

    private static SqlType? Function(FunctionExpr function, IReadOnlyList<SqlType?> arguments, ref string? problem)
    {
        var name = function.Name;
        var first = arguments.Count > 0 ? arguments[0] : null;
        switch (name)
        {
            case "now":
                return new SqlType(SqlTypeKind.Timestamp);
            case "current_date":
                return new SqlType(SqlTypeKind.Date);
            case "abs":
                Number(first, name, ref problem);
                return first;
            case "ceil" or "floor":
                Number(first, name, ref problem);
                return first is { Kind: SqlTypeKind.Decimal } ? DecimalOf(IntegerDigits(first) + (first.Scale > 0 ? 1 : 0), 0) : first;
            case "round":
                Number(first, name, ref problem);
                var places = 0;
                if (arguments.Count > 1 && !(function.Arguments[1] is LiteralExpr { Kind: LiteralKind.Number } literal
                    && int.TryParse(literal.Value, NumberStyles.None, CultureInfo.InvariantCulture, out places) && places <= MaxPrecision))
                {
                    Fail(ref problem, "round()'s places must be a whole number from 0 to 38 written as a literal (round(x, 2)), not a column or an expression");
                }

                // Rounding 9.96 to one place gives 10.0: one more integer digit.
                return first is { Kind: SqlTypeKind.Decimal }
                    ? DecimalOf(IntegerDigits(first) + (places < first.Scale ? 1 : 0), System.Math.Min(places, first.Scale))
                    : first;
            case "div":
                Integer(first, name, ref problem);
                Integer(arguments[1], name, ref problem);
                return first is null || arguments[1] is null ? first ?? arguments[1] : Rank(first) >= Rank(arguments[1]!) ? first : arguments[1];
            case "coalesce" or "nvl" or "greatest" or "least":
                SqlType? shared = null;
                foreach (var argument in arguments) shared = Mix(shared, argument, $"the arguments of {name}()", ref problem);
                return shared;
            case "nullif":
                // The type both arguments share, as PostgreSQL's NULLIF has (DuckDB's would keep the first's).
                Compare(first, arguments[1], "nullif()", ref problem);
                return first is null || arguments[1] is null ? first ?? arguments[1] : Common(first, arguments[1]!) ?? first;
            case "concat":
                return Concatenation(arguments, ref problem);
            case "date_trunc":
                if (function.Arguments[0] is not LiteralExpr { Kind: LiteralKind.String } unit || !TruncationUnits.Contains(unit.Value.ToLowerInvariant()))
                {
                    Fail(ref problem, $"date_trunc()'s unit must be one of {string.Join(", ", TruncationUnits.Select(u => "'" + u + "'"))}, written as text");
                }

                Temporal(arguments[1], name, ref problem);
                return arguments[1] ?? new SqlType(SqlTypeKind.Timestamp);
            case "year" or "quarter" or "month" or "day":
                Temporal(first, name, ref problem);
                return new SqlType(SqlTypeKind.Integer);
            case "length":
                Text(first, name, ref problem);
                return new SqlType(SqlTypeKind.Integer);
            case "lower" or "upper" or "trim" or "ltrim" or "rtrim" or "initcap":
                Text(first, name, ref problem);
                return first ?? UnboundedVarchar;
            case "left" or "right" or "substring":
                Text(first, name, ref problem);
                for (var i = 1; i < arguments.Count; i++) Integer(arguments[i], name, ref problem);
                return first ?? UnboundedVarchar;
            case "replace":
                foreach (var argument in arguments) Text(argument, name, ref problem);
                return UnboundedVarchar;
            default:
                return null;
        }
    }

    private static SqlType? Concatenation(IEnumerable<SqlType?> parts, ref string? problem)
    {
        var length = 0;
        foreach (var part in parts)
        {
            if (part is null) continue;
            if (IsFloat(part)) Fail(ref problem, FloatAsText);
            length += part.Kind switch
            {
                SqlTypeKind.Varchar => part.Length == 0 ? SqlTyping.UnboundedText : part.Length,
                SqlTypeKind.Boolean => 5,
                SqlTypeKind.Date => 10,
                SqlTypeKind.Timestamp => 26,
                SqlTypeKind.Decimal => part.Precision + 2,
                _ => 20,
            };
        }

        return new SqlType(SqlTypeKind.Varchar, Length: System.Math.Min(System.Math.Max(length, 1), SqlTyping.UnboundedText));
    }

    private static SqlType? Literal(LiteralExpr literal) => literal.Kind switch
    {
        LiteralKind.Boolean => Boolean,
        LiteralKind.String => new SqlType(SqlTypeKind.Varchar, Length: System.Math.Max(literal.Value.Length, 1)),
        LiteralKind.Number => Number(literal.Value),
        LiteralKind.Date => new SqlType(SqlTypeKind.Date),
        LiteralKind.Timestamp => new SqlType(SqlTypeKind.Timestamp),
        _ => null,
    };

    /// <summary>A number as written: INTEGER when it fits, else BIGINT, else DECIMAL(n, 0); with a point, DECIMAL of its digits.</summary>
    private static SqlType Number(string text)
    {
        var point = text.IndexOf('.');
        if (point < 0)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value <= int.MaxValue ? new SqlType(SqlTypeKind.Integer) : new SqlType(SqlTypeKind.BigInt);
            }

            return DecimalOf(text.TrimStart('0').Length, 0);
        }

        var integerDigits = text.Substring(0, point).TrimStart('0').Length;
        return DecimalOf(System.Math.Max(integerDigits, 1), text.Length - point - 1);
    }

    private static SqlType? Mix(SqlType? shared, SqlType? next, string what, ref string? problem)
    {
        if (shared is null || next is null) return shared ?? next;
        var common = Common(shared, next);
        if (common is null) Fail(ref problem, $"{what} are of types that do not mix: {Article(shared)} and {Article(next)}; give them all values of one kind");
        return common ?? shared;
    }

    private static void Compare(SqlType? left, SqlType? right, string what, ref string? problem)
    {
        if (left is null || right is null || Common(left, right) is not null) return;
        var hint = IsTemporal(left) && right.Kind == SqlTypeKind.Varchar || IsTemporal(right) && left.Kind == SqlTypeKind.Varchar
            ? "; a date constant is written as text in ISO form, 'yyyy-mm-dd' (a timestamp 'yyyy-mm-dd hh:mm:ss'), and must be a day that exists"
            : string.Empty;
        Fail(ref problem, $"{what} compares {Article(left)} with {Article(right)}{hint}");
    }

    private static void Expect(SqlType? type, SqlTypeKind kind, string what, ref string? problem)
    {
        if (type is not null && type.Kind != kind) Fail(ref problem, $"{what} needs {Article(kind)}, not {Article(type)}");
    }

    private static void Number(SqlType? type, string function, ref string? problem)
    {
        if (type is { IsNumeric: false }) Fail(ref problem, $"{function}() needs a number, not {Article(type)}");
    }

    private static void Integer(SqlType? type, string function, ref string? problem)
    {
        if (type is not null && !IsInteger(type)) Fail(ref problem, $"{function}() needs whole numbers (an integer type), not {Article(type)}" + (function == "div" ? "; divide other numbers with '/'" : string.Empty));
    }

    private static void Text(SqlType? type, string function, ref string? problem)
    {
        if (type is not null && type.Kind != SqlTypeKind.Varchar) Fail(ref problem, $"{function}() needs text, not {Article(type)}");
    }

    private static void Temporal(SqlType? type, string function, ref string? problem)
    {
        if (type is not null && !IsTemporal(type)) Fail(ref problem, $"{function}() needs a date or a timestamp, not {Article(type)}");
    }

    private static void Fail(ref string? problem, string message) => problem ??= message;

    private static string Family(SqlType? type) => type is null ? "NULL" : type.Kind switch
    {
        SqlTypeKind.Varchar => "text",
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.Date => "date",
        SqlTypeKind.Timestamp => "timestamp",
        _ => "number",
    };

    /// <summary>A type as a message names it: its family and its spelling, as in "a number (DECIMAL(18,2))".</summary>
    private static string Article(SqlType type) => Article(type.Kind) + " (" + type + ")";

    /// <summary>A family as a message names it: "text", "a number", "a date".</summary>
    private static string Article(SqlTypeKind kind) => Family(new SqlType(kind)) switch
    {
        "text" => "text",
        var family => "a " + family,
    };

    /// <summary>An operand as a message names it; a NULL operand is "NULL".</summary>
    private static string Operand(SqlType? type) => type is null ? "NULL" : Article(type);

    private const string FloatAsText = "a floating-point value has no portable text form (each engine prints its digits differently): read it into a decimal column first, and join that";

    private static readonly SqlType Boolean = new(SqlTypeKind.Boolean);

    /// <summary>Text whose length is not known statically: the SQL front end's unbounded VARCHAR (Redshift's longest).</summary>
    public static readonly SqlType UnboundedVarchar = new(SqlTypeKind.Varchar, Length: SqlTyping.UnboundedText);

    private static int Rank(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInt => 1,
        SqlTypeKind.Integer => 2,
        _ => 3,
    };

    private static int ScaleOf(SqlType type) => type.Kind == SqlTypeKind.Decimal ? type.Scale : 0;

    /// <summary>The digits before the point a value of the type can have (an integer type's largest value's).</summary>
    private static int IntegerDigits(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInt => 5,
        SqlTypeKind.Integer => 10,
        SqlTypeKind.BigInt => 19,
        SqlTypeKind.Decimal => type.Precision - type.Scale,
        _ => MaxPrecision,
    };

    /// <summary>DECIMAL with room for <paramref name="integerDigits"/> and <paramref name="scale"/>, within 38 digits (the places win when both do not fit).</summary>
    private static SqlType DecimalOf(int integerDigits, int scale)
    {
        scale = System.Math.Min(scale, MaxPrecision);
        return Decimal(System.Math.Min(System.Math.Max(integerDigits, 1) + scale, MaxPrecision), scale);
    }

    private static SqlType Decimal(int precision, int scale) => new(SqlTypeKind.Decimal, Precision: precision, Scale: scale);
}
