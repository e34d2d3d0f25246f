using System;
using System.Collections.Generic;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Dialects;

/// <summary>
/// The functions a <c>[Derived]</c>, <c>[Default]</c> or <c>[Rule]</c> expression may call, in one place: each with the
/// argument counts the parser accepts, its type (<see cref="ExpressionTypes"/>) and how it is spelled in SQL. The
/// spelling is portable unless a dialect overrides it (<see cref="SqlDialect.UtcNow"/>, <see cref="SqlDialect.InitCap"/>,
/// <see cref="SqlDialect.Length"/>, <see cref="SqlDialect.IntegerDivide"/>): a function is added here once,
/// and a dialect that spells it differently overrides one member — no per-dialect function lists to keep in step.
/// </summary>
internal static class FunctionCatalog
{
    /// <summary>Accepted argument counts by lower-case name; every dialect of the registry renders all of them.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Arity = new Dictionary<string, (int, int)>
    {
        ["abs"] = (1, 1),
        ["ceil"] = (1, 1),
        ["coalesce"] = (2, 16),
        ["concat"] = (2, 16),
        ["current_date"] = (0, 0),
        ["date_trunc"] = (2, 2),
        ["day"] = (1, 1),
        ["div"] = (2, 2),
        ["floor"] = (1, 1),
        ["greatest"] = (2, 16),
        ["initcap"] = (1, 1),
        ["least"] = (2, 16),
        ["left"] = (2, 2),
        ["length"] = (1, 1),
        ["lower"] = (1, 1),
        ["ltrim"] = (1, 1),
        ["month"] = (1, 1),
        ["now"] = (0, 0),
        ["nullif"] = (2, 2),
        ["nvl"] = (2, 2),
        ["quarter"] = (1, 1),
        ["replace"] = (3, 3),
        ["right"] = (2, 2),
        ["round"] = (1, 2),
        ["rtrim"] = (1, 1),
        ["substring"] = (2, 3),
        ["trim"] = (1, 1),
        ["upper"] = (1, 1),
        ["year"] = (1, 1),
    };

    /// <summary>
    /// The call of <paramref name="call"/> on <paramref name="arguments"/> (already rendered in <paramref name="dialect"/>,
    /// of the types <paramref name="types"/>), spelled so that every engine computes the value docs/expressions.md
    /// defines: spaces-only trims, case by <see cref="CaseMapping"/>, lengths that count trailing spaces, substring
    /// positions clamped as the SQL standard clamps them, a negative count of characters as none, date_trunc on a
    /// timestamp without time zone.
    /// </summary>
    public static string Render(FunctionExpr call, IReadOnlyList<string> arguments, IReadOnlyList<SqlType?> types, SqlDialect dialect)
    {
        var name = call.Name;
        string Call(string sqlName) => $"{sqlName}({string.Join(", ", arguments)})";
        string At(int i) => arguments[i];
        bool IsInteger(int i) => types[i] is { } type && ExpressionTypes.IsInteger(type);
        switch (name)
        {
            case "now":
                return dialect.UtcNow;
            case "current_date":
                return dialect.CurrentDate;
            case "initcap":
                return dialect.InitCap(At(0));
            case "upper":
                return CaseMapping.ToUpper(At(0), dialect);
            case "lower":
                return CaseMapping.ToLower(At(0), dialect);
            case "nvl" or "coalesce":
                return Call("COALESCE");
            case "concat":
                return Concatenate(arguments, types, dialect);
            case "year" or "quarter" or "month" or "day":
                return $"CAST(EXTRACT({name.ToUpperInvariant()} FROM {At(0)}) AS INTEGER)";
            case "div":
                return dialect.IntegerDivide(At(0), At(1));
            case "round" when types[0] is { } type && ExpressionTypes.IsFloat(type) && Places(call) is { } places:
                // Half away from zero in IEEE arithmetic, which every engine computes alike (PostgreSQL's ROUND of a
                // float rounds half to even).
                var factor = $"CAST({SqlDialect.Power10(places)} AS {dialect.Type(type)})";
                return $"(SIGN({At(0)}) * FLOOR(ABS({At(0)}) * {factor} + 0.5) / {factor})";
            case "round" or "ceil" or "floor" when IsInteger(0):
                return At(0); // a whole number already
            case "length":
                return $"CAST({dialect.Length(At(0))} AS INTEGER)";
            case "trim":
                return dialect.TrimSpaces(At(0));
            case "ltrim" or "rtrim":
                return $"{name.ToUpperInvariant()}({At(0)}, ' ')";
            case "left" or "right":
                return $"{name.ToUpperInvariant()}({At(0)}, {Clamped(call.Arguments[1], At(1), 0)})";
            case "substring" when arguments.Count == 2:
                return $"SUBSTRING({At(0)}, {Clamped(call.Arguments[1], At(1), 1)})";
            case "substring":
                // The standard's characters from start to start + count - 1, of those that exist: positions before
                // the first shorten the count (DuckDB counts a negative start from the end), a negative count is none.
                if (Whole(call.Arguments[1]) is { } start && Whole(call.Arguments[2]) is { } count)
                {
                    var from = Math.Max(start, 1);
                    return $"SUBSTRING({At(0)}, {Integer(from)}, {Integer(Math.Max(start + count - from, 0))})";
                }

                var first = $"GREATEST(CAST({At(1)} AS BIGINT), 1)";
                return $"SUBSTRING({At(0)}, {InIntegerRange(first)}, {InIntegerRange($"GREATEST(CAST({At(1)} AS BIGINT) + CAST({At(2)} AS BIGINT) - {first}, 0)")})";
            case "date_trunc":
                var unit = call.Arguments[0] is LiteralExpr { Kind: LiteralKind.String } literal ? dialect.Literal(literal.Value.ToLowerInvariant()) : At(0);
                return $"CAST(DATE_TRUNC({unit}, CAST({At(1)} AS TIMESTAMP)) AS {dialect.Type(types[1] ?? new SqlType(SqlTypeKind.Timestamp))})";
            case var _ when Arity.ContainsKey(name):
                return Call(name.ToUpperInvariant());
            default:
                throw new InvalidOperationException($"'{name}' is not in the function catalog; the expression parser admits only catalog functions");
        }
    }

    /// <summary>
    /// A position or count argument at least <paramref name="least"/>, as the INTEGER every engine's text functions
    /// take (PostgreSQL has no SUBSTRING of a BIGINT position, and DuckDB would add in a SMALLINT): a literal is
    /// computed here, anything else clamped in BIGINT arithmetic.
    /// </summary>
    private static string Clamped(Expr argument, string rendered, long least) =>
        Whole(argument) is { } value ? Integer(Math.Max(value, least)) : InIntegerRange($"GREATEST(CAST({rendered} AS BIGINT), {Integer(least)})");

    private static string InIntegerRange(string value) => $"CAST(LEAST({value}, 2147483647) AS INTEGER)";

    /// <summary>The value of a whole-number literal within INTEGER's range (a unary minus included), or null: then the SQL computes it.</summary>
    private static long? Whole(Expr argument) => argument switch
    {
        LiteralExpr { Kind: LiteralKind.Number } literal when int.TryParse(literal.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
        UnaryExpr { Operator: "-" } minus when Whole(minus.Operand) is { } value => -value,
        _ => null,
    };

    private static string Integer(long value) => Math.Min(value, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>round()'s places: 0 when not given, null when not a literal whole number (a SQL body's, untyped).</summary>
    private static int? Places(FunctionExpr call) =>
        call.Arguments.Count < 2 ? 0
        : call.Arguments[1] is LiteralExpr { Kind: LiteralKind.Number } literal
          && int.TryParse(literal.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var places) ? places
        : null;

    /// <summary>Text joined by <c>||</c> (NULL when any part is NULL); a part that is not text is written as text first (<see cref="AsText"/>).</summary>
    public static string Concatenate(IReadOnlyList<string> parts, IReadOnlyList<SqlType?> types, SqlDialect dialect)
    {
        var texts = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++) texts.Add(AsText(parts[i], types[i], dialect));
        return dialect.Concatenation("(" + string.Join(" || ", texts) + ")");
    }

    /// <summary>
    /// A value as text, the same on every engine: a number by its digits and scale, a date as YYYY-MM-DD, a
    /// timestamp as YYYY-MM-DD HH:MM:SS[.ffffff], a boolean as true or false (spelled out: Redshift casts no boolean to text).
    /// </summary>
    private static string AsText(string value, SqlType? type, SqlDialect dialect) => type switch
    {
        null when value == "NULL" => $"CAST(NULL AS {dialect.Type(ExpressionTypes.UnboundedVarchar)})",
        null or { Kind: SqlTypeKind.Varchar } => value, // text, or a SQL body's argument (which carries no type)
        { Kind: SqlTypeKind.Boolean } => $"CASE WHEN {value} THEN 'true' WHEN NOT {value} THEN 'false' END",
        _ => $"CAST({value} AS {dialect.Type(ExpressionTypes.UnboundedVarchar)})",
    };
}
