using System;
using System.Collections.Generic;
using System.Linq;

namespace Warehouse.Generators.Dialects;

/// <summary>
/// The functions a <c>[Derived]</c>, <c>[Default]</c> or <c>[Rule]</c> expression may call, in one place: each with the
/// argument counts the parser accepts and how it is spelled in SQL. The spelling is portable unless a dialect
/// overrides it (<see cref="SqlDialect.Now"/>, <see cref="SqlDialect.InitCap"/>): a function is added here once,
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

    /// <summary>The call of <paramref name="name"/> (a catalog name) on arguments already rendered in <paramref name="dialect"/>.</summary>
    public static string Render(string name, IReadOnlyList<string> arguments, SqlDialect dialect)
    {
        string Call(string sqlName) => $"{sqlName}({string.Join(", ", arguments)})";
        return name switch
        {
            "now" => dialect.Now,
            "current_date" => "CURRENT_DATE",
            "initcap" => dialect.InitCap(arguments[0]),
            "nvl" or "coalesce" => Call("COALESCE"),
            "concat" => "(" + string.Join(" || ", arguments) + ")",
            "year" or "quarter" or "month" or "day" => $"CAST(EXTRACT({name.ToUpperInvariant()} FROM {arguments[0]}) AS INTEGER)",
            _ when Arity.ContainsKey(name) => Call(name.ToUpperInvariant()),
            _ => throw new InvalidOperationException($"'{name}' is not in the function catalog; the expression parser admits only catalog functions"),
        };
    }
}
