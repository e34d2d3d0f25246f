using System.Text.RegularExpressions;

namespace Warehouse.Deploy.Sql;

/// <summary>
/// Substitutes <c>{{name}}</c>. The contract puts every occurrence inside a single-quoted SQL string,
/// so a value's <c>'</c> is doubled and can never end the literal.
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
            if (!values.TryGetValue(name, out var value))
            {
                string known = string.Join(", ", values.Keys.Order(StringComparer.Ordinal));
                throw new WarehouseException(ExitCodes.BadInput, $"{origin}: unknown variable {{{{{name}}}}} (known: {known})");
            }

            return value.Replace("'", "''", StringComparison.Ordinal);
        });
}
