using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

using Warehouse.Generators.Dialects;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// Naming conventions (PascalCase → snake_case) and the identifier rules of every target dialect together: an
/// identifier must be valid and unreserved in all of them (each dialect declares its limit and reserved words).
/// </summary>
internal static class Naming
{
    /// <summary>The dialect with the shortest identifier limit, which therefore binds the model.</summary>
    private static readonly SqlDialect Shortest = SqlDialect.All.OrderBy(d => d.MaxIdentifierLength).First();

    private static readonly Regex ValidIdentifier = new("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary><c>AccountId</c> → <c>account_id</c>, <c>HTTPStatus</c> → <c>http_status</c>, <c>Line2</c> → <c>line2</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var startsWord = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousIsLowerOrDigit || startsWord) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><c>dim_accounts</c> → <c>DimAccounts</c>; anything but ASCII letters and digits separates words,
    /// and a leading digit gets an N, so the result is a valid C# and CloudFormation identifier.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0])) builder.Insert(0, 'N');
        return builder.ToString();
    }

    /// <summary>
    /// The singular of an English plural, as key names want it (<c>Locations</c> → <c>Location</c>, <c>Categories</c>
    /// → <c>Category</c>, <c>Branches</c> → <c>Branch</c>); a word that does not look plural is returned as it is.
    /// </summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 3) return word.Substring(0, word.Length - 3) + "y";
        foreach (var ending in new[] { "sses", "xes", "ches", "shes", "zes" })
        {
            if (word.EndsWith(ending, StringComparison.Ordinal)) return word.Substring(0, word.Length - 2);
        }

        var singularEnding = word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal);
        return word.EndsWith("s", StringComparison.Ordinal) && !singularEnding && word.Length > 1
            ? word.Substring(0, word.Length - 1)
            : word;
    }

    /// <summary>Why <paramref name="identifier"/> cannot be used, or null when it is valid everywhere.</summary>
    public static string? InvalidReason(string identifier)
    {
        if (identifier.Length == 0) return "it is empty";
        if (identifier.Length > Shortest.MaxIdentifierLength) return $"it is {identifier.Length} characters long and {Shortest.DisplayName} allows {Shortest.MaxIdentifierLength}";
        if (!ValidIdentifier.IsMatch(identifier)) return "it must start with a lowercase letter or underscore and hold only lowercase letters, digits and underscores";
        return null;
    }

    /// <summary>The dialects that reserve <paramref name="identifier"/> (e.g. "DuckDB, PostgreSQL and Redshift"), or null.</summary>
    public static string? ReservedIn(string identifier)
    {
        var dialects = SqlDialect.ReservingDialects(identifier);
        return dialects.Count switch
        {
            0 => null,
            1 => dialects[0],
            _ => string.Join(", ", dialects.Take(dialects.Count - 1)) + " and " + dialects[dialects.Count - 1],
        };
    }
}
