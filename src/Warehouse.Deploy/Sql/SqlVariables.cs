using System.Text.RegularExpressions;
using Warehouse.Generators.Emitters.Escaping;

namespace Warehouse.Deploy.Sql;

/// <summary>
/// Substitutes <c>{{name}}</c>, in one pass (a substituted value is never scanned again). The contract puts every
/// occurrence of a supplied variable inside a single-quoted SQL string, so a value's <c>'</c> is doubled and can
/// never end the literal. <c>{{lbrace}}</c> (<see cref="RunnerText"/>) is built in: it is how the compiler writes a
/// <c>{</c> of the model's text that could otherwise form a placeholder, so text from the model never becomes a variable.
/// </summary>
public static partial class SqlVariables
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    public static bool Uses(string script, string name) =>
        Placeholder().Matches(script).Any(m => m.Groups[1].Value == name);

    public static string Substitute(string script, IReadOnlyDictionary<string, string> values, string origin) =>
        Placeholder().Replace(script, match =>
        {
            string name = match.Groups[1].Value;
            if (name == RunnerText.BraceVariable)
                return "{";
            if (!values.TryGetValue(name, out var value))
            {
                string known = string.Join(", ", values.Keys.Append(RunnerText.BraceVariable).Order(StringComparer.Ordinal));
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: unknown variable {{{{{name}}}}} (known: {known})");
            }

            return value.Replace("'", "''", StringComparison.Ordinal);
        });
}
