using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.SqlFrontEnd;

/// <summary>What a function of a SQL body is: a scalar expression function (the catalog), an aggregate, or a window function.</summary>
internal enum SqlFunctionKind
{
    Unknown,
    Scalar,
    Aggregate,
    Window,
}

/// <summary>
/// The types of SQL expressions, over the logical <see cref="SqlType"/>s of the spec. A null type is "not known"
/// (NULL, an interval, a division whose result differs between engines): checks that need a type stay silent on it.
///
/// This is the SQL front end's own typing, behind one seam: the binder asks only these functions. The
/// <c>[Derived]</c>/<c>[Rule]</c> expression language has its own (Expressions/ExpressionTypes.cs), with the
/// semantics of docs/expressions.md, which its renderer enforces from the types of each node. A SQL body keeps the
/// engines' operators (its <c>/</c> is the engine's, hence no type for an integer quotient here) and its catalog calls
/// are spelled without argument types; making these rules that typing needs the binder's types in SqlRenderer.
/// </summary>
internal static class SqlTyping
{
    /// <summary>The length given to TEXT and to a VARCHAR without one: Redshift's longest VARCHAR, which every engine accepts.</summary>
    public const int UnboundedText = 65535;

    private static readonly HashSet<string> Aggregates = new()
    {
        "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
    };

    private static readonly Dictionary<string, (int Min, int Max)> WindowFunctions = new()
    {
        ["row_number"] = (0, 0),
        ["rank"] = (0, 0),
        ["dense_rank"] = (0, 0),
        ["percent_rank"] = (0, 0),
        ["cume_dist"] = (0, 0),
        ["ntile"] = (1, 1),
        ["lag"] = (1, 3),
        ["lead"] = (1, 3),
        ["first_value"] = (1, 1),
        ["last_value"] = (1, 1),
        ["nth_value"] = (2, 2),
    };

    public static SqlFunctionKind KindOf(string name) =>
        Aggregates.Contains(name) ? SqlFunctionKind.Aggregate
        : WindowFunctions.ContainsKey(name) ? SqlFunctionKind.Window
        : FunctionCatalog.Arity.ContainsKey(name) ? SqlFunctionKind.Scalar
        : SqlFunctionKind.Unknown;

    /// <summary>The argument counts <paramref name="name"/> accepts (COUNT(*) counts as one).</summary>
    public static (int Min, int Max) Arity(string name) =>
        Aggregates.Contains(name) ? (1, 1)
        : WindowFunctions.TryGetValue(name, out var window) ? window
        : FunctionCatalog.Arity.TryGetValue(name, out var scalar) ? scalar
        : (0, 0);

    /// <summary>Every function name a body may call, for the did-you-mean of an unknown one.</summary>
    public static IEnumerable<string> FunctionNames => Aggregates.Concat(WindowFunctions.Keys).Concat(FunctionCatalog.Arity.Keys);

    public static SqlType? Literal(SqlLiteral literal) => literal.Kind switch
    {
        SqlLiteralKind.Boolean => new SqlType(SqlTypeKind.Boolean),
        SqlLiteralKind.String => new SqlType(SqlTypeKind.Varchar, Length: System.Math.Max(literal.Text.Length, 1)),
        SqlLiteralKind.Number => Number(literal.Text),
        _ => null,
    };

    private static SqlType Number(string text)
    {
        if (text.IndexOfAny(new[] { 'e', 'E' }) >= 0) return new SqlType(SqlTypeKind.Double);
        var point = text.IndexOf('.');
        if (point < 0)
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
                ? new SqlType(SqlTypeKind.Integer)
                : text.Length <= 18 ? new SqlType(SqlTypeKind.BigInt) : new SqlType(SqlTypeKind.Decimal, Precision: System.Math.Min(text.Length, 38), Scale: 0);
        }

        var digits = text.Replace(".", string.Empty).TrimStart('0').Length;
        var scale = text.Length - point - 1;
        return new SqlType(SqlTypeKind.Decimal, Precision: System.Math.Min(System.Math.Max(digits, scale), 38), Scale: scale);
    }

    public static SqlType? Unary(string op, SqlType? operand) => op == "NOT" ? new SqlType(SqlTypeKind.Boolean) : operand;

    public static SqlType? Binary(string op, SqlType? left, SqlType? right)
    {
        switch (op)
        {
            case "||":
                return new SqlType(SqlTypeKind.Varchar, Length: left?.Kind == SqlTypeKind.Varchar && right?.Kind == SqlTypeKind.Varchar ? System.Math.Min(left.Length + right.Length, UnboundedText) : 0);
            case "+" or "-" or "*" or "%":
                if (left is null || right is null) return left ?? right;
                if (left.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp) return left;
                if (!left.IsNumeric || !right.IsNumeric) return null;
                if (left.Kind == SqlTypeKind.Decimal && right.Kind == SqlTypeKind.Decimal && op == "*")
                {
                    return new SqlType(SqlTypeKind.Decimal, Precision: System.Math.Min(left.Precision + right.Precision, 38), Scale: System.Math.Min(left.Scale + right.Scale, 38));
                }

                return Common(left, right);
            case "/":
                if (left is null || right is null || !left.IsNumeric || !right.IsNumeric) return null;
                // Integer division truncates on PostgreSQL and Redshift but not on DuckDB: the type is not one answer.
                if (IsInteger(left) && IsInteger(right)) return null;
                var quotient = Common(left, right);
                return quotient is { Kind: SqlTypeKind.Decimal } ? quotient with { Precision = 38, Scale = System.Math.Max(quotient.Scale, 6) } : quotient;
            default:
                return new SqlType(SqlTypeKind.Boolean);
        }
    }

    /// <summary>The type of a call; <paramref name="arguments"/> are the arguments' types, in order.</summary>
    public static SqlType? Function(string name, IReadOnlyList<SqlType?> arguments, IReadOnlyList<SqlExpr> argumentSyntax)
    {
        var first = arguments.Count > 0 ? arguments[0] : null;
        switch (name)
        {
            case "count" or "row_number" or "rank" or "dense_rank" or "ntile":
                return new SqlType(SqlTypeKind.BigInt);
            case "percent_rank" or "cume_dist" or "stddev" or "stddev_samp" or "stddev_pop" or "variance" or "var_samp" or "var_pop":
                return new SqlType(SqlTypeKind.Double);
            case "bool_and" or "bool_or":
                return new SqlType(SqlTypeKind.Boolean);
            case "sum":
                // A sum keeps its argument's scale; integers sum to BIGINT. (The engines widen the precision; the
                // record's declared precision is the contract, and the SQL model casts to it.)
                return first is null ? null : IsInteger(first) ? new SqlType(SqlTypeKind.BigInt) : first;
            case "avg":
                return first is null ? null : first.Kind == SqlTypeKind.Decimal ? Decimal(first.Precision - first.Scale, System.Math.Max(first.Scale, 6)) : new SqlType(SqlTypeKind.Double);
            case "min" or "max" or "abs" or "lag" or "lead" or "first_value" or "last_value" or "nth_value" or "nullif":
                return first;
            case "ceil" or "floor":
                return first is { Kind: SqlTypeKind.Decimal } ? first with { Scale = 0 } : first;
            case "round":
                if (first is not { Kind: SqlTypeKind.Decimal }) return first;
                var places = arguments.Count > 1 && argumentSyntax[1] is SqlLiteral { Kind: SqlLiteralKind.Number } literal
                    && int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                return first with { Scale = System.Math.Min(places, first.Scale) };
            case "coalesce" or "nvl" or "greatest" or "least":
                return arguments.Aggregate((SqlType?)null, Common);
            case "length" or "year" or "quarter" or "month" or "day":
                return new SqlType(SqlTypeKind.Integer);
            case "now" or "date_trunc":
                return new SqlType(SqlTypeKind.Timestamp);
            case "current_date":
                return new SqlType(SqlTypeKind.Date);
            case "lower" or "upper" or "trim" or "ltrim" or "rtrim" or "initcap" or "left" or "right" or "substring":
                return first is { Kind: SqlTypeKind.Varchar } ? first : new SqlType(SqlTypeKind.Varchar);
            case "concat" or "replace":
                return new SqlType(SqlTypeKind.Varchar);
            default:
                return null;
        }
    }

    /// <summary>The type two branches (CASE, COALESCE, a set operation's columns) share; the known one when the other is unknown (NULL), the left one when they do not mix.</summary>
    public static SqlType? Common(SqlType? left, SqlType? right)
    {
        if (left is null) return right;
        if (right is null) return left;
        if (left.Kind == right.Kind)
        {
            return left.Kind switch
            {
                SqlTypeKind.Varchar => left with { Length = left.Length == 0 || right.Length == 0 ? 0 : System.Math.Max(left.Length, right.Length) },
                SqlTypeKind.Decimal => Decimal(System.Math.Max(left.Precision - left.Scale, right.Precision - right.Scale), System.Math.Max(left.Scale, right.Scale)),
                _ => left,
            };
        }

        if (left.IsNumeric && right.IsNumeric)
        {
            if (left.Kind is SqlTypeKind.Double or SqlTypeKind.Real || right.Kind is SqlTypeKind.Double or SqlTypeKind.Real) return new SqlType(SqlTypeKind.Double);
            if (left.Kind == SqlTypeKind.Decimal || right.Kind == SqlTypeKind.Decimal)
            {
                var (l, r) = (AsDecimal(left), AsDecimal(right));
                return Decimal(System.Math.Max(l.Precision - l.Scale, r.Precision - r.Scale), System.Math.Max(l.Scale, r.Scale));
            }

            return Rank(left) >= Rank(right) ? left : right;
        }

        if (left.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp && right.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp) return new SqlType(SqlTypeKind.Timestamp);
        return left;
    }

    /// <summary>
    /// Why storing a value of type <paramref name="value"/> in a column of type <paramref name="column"/> would lose
    /// something (digits, a fraction, characters, the time of day) or not convert at all; null when it fits.
    /// </summary>
    public static string? Truncation(SqlType value, SqlType column)
    {
        if (value.Kind == column.Kind)
        {
            return value.Kind switch
            {
                SqlTypeKind.Varchar when value.Length > column.Length && value.Length != 0 => $"text up to {value.Length} characters would be cut to {column.Length}",
                SqlTypeKind.Decimal when value.Scale > column.Scale => $"{value.Scale} decimal places would be rounded to {column.Scale}",
                SqlTypeKind.Decimal when value.Precision - value.Scale > column.Precision - column.Scale => $"{value.Precision - value.Scale} integer digits do not fit in {column.Precision - column.Scale}",
                _ => null,
            };
        }

        if (value.IsNumeric && column.IsNumeric)
        {
            if (IsInteger(column) && !IsInteger(value)) return "the fraction would be cut off";
            if (IsInteger(column) && Rank(value) > Rank(column)) return "the value may not fit";
            if (column.Kind == SqlTypeKind.Decimal && IsInteger(value) && Digits(value) > column.Precision - column.Scale) return $"{Digits(value)}-digit integers do not fit in {column.Precision - column.Scale} integer digits";
            return null;
        }

        if (value.Kind == SqlTypeKind.Timestamp && column.Kind == SqlTypeKind.Date) return "the time of day would be cut off";
        if (value.Kind == SqlTypeKind.Date && column.Kind == SqlTypeKind.Timestamp) return null;
        if (column.Kind == SqlTypeKind.Varchar) return value.Kind == SqlTypeKind.Boolean || value.IsNumeric || value.Kind is SqlTypeKind.Date or SqlTypeKind.Timestamp ? null : "it is not text";
        return "the types do not convert";
    }

    private static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt;

    private static int Rank(SqlType type) => type.Kind switch
    {
        SqlTypeKind.SmallInt => 1,
        SqlTypeKind.Integer => 2,
        SqlTypeKind.BigInt => 3,
        SqlTypeKind.Decimal => 4,
        SqlTypeKind.Real => 5,
        _ => 6,
    };

    private static int Digits(SqlType integer) => integer.Kind switch
    {
        SqlTypeKind.SmallInt => 5,
        SqlTypeKind.Integer => 10,
        _ => 19,
    };

    private static SqlType AsDecimal(SqlType type) => type.Kind == SqlTypeKind.Decimal ? type : new SqlType(SqlTypeKind.Decimal, Precision: Digits(type), Scale: 0);

    private static SqlType Decimal(int integerDigits, int scale) =>
        new(SqlTypeKind.Decimal, Precision: System.Math.Min(integerDigits + scale, 38), Scale: System.Math.Min(scale, 38));
}
