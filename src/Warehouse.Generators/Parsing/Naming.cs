using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Generators.Parsing;

/// <summary>Naming conventions (PascalCase → snake_case) and the identifier rules of the target dialects.</summary>
internal static class Naming
{
    /// <summary>The shortest identifier limit of the targets: PostgreSQL truncates identifiers beyond 63 bytes.</summary>
    public const int MaxIdentifierLength = 63;

    private static readonly Regex ValidIdentifier = new("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reserved words of PostgreSQL (reserved category), DuckDB (which follows PostgreSQL's grammar) and Redshift,
    /// that cannot name a column or table without quoting in hand-written SQL, dbt models or analyses.
    /// </summary>
    private static readonly Dictionary<string, string> Reserved = BuildReserved();

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

    /// <summary>Why <paramref name="identifier"/> cannot be used, or null when it is valid everywhere.</summary>
    public static string? InvalidReason(string identifier)
    {
        if (identifier.Length == 0) return "it is empty";
        if (identifier.Length > MaxIdentifierLength) return $"it is {identifier.Length} characters long and PostgreSQL allows {MaxIdentifierLength}";
        if (!ValidIdentifier.IsMatch(identifier)) return "it must start with a lowercase letter or underscore and hold only lowercase letters, digits and underscores";
        return null;
    }

    /// <summary>The dialects that reserve <paramref name="identifier"/>, or null.</summary>
    public static string? ReservedIn(string identifier) => Reserved.TryGetValue(identifier, out var dialects) ? dialects : null;

    private static Dictionary<string, string> BuildReserved()
    {
        // PostgreSQL's reserved key words (SQL Key Words appendix, "reserved"), which DuckDB's parser shares.
        const string postgres = "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric table then to trailing true union unique user using variadic when where window with";
        // Amazon Redshift's reserved words beyond PostgreSQL's.
        const string redshift = "aes128 aes256 allowoverwrite authorization az64 backup between binary blanksasnull bytedict bzip2 credentials cross current_user_id datetime deflate defrag delta delta32k disable emptyasnull enable encode encrypt encryption explicit freeze full globaldict256 globaldict64k gzip identity ignore ilike inner interval is isnull join language left like lun luns lzo lzop minus mostly16 mostly32 mostly8 natural new notnull nulls off offline old open outer overlaps parallel partition percent permissions pivot raw readratio recover rejectlog resort respect restore right similar snapshot sysdate system tag tdes text255 text32k timestamp top truncatecolumns unnest verbose wallet without";
        var map = new Dictionary<string, string>();
        foreach (var word in postgres.Split(' '))
        {
            map[word] = "PostgreSQL, DuckDB and Redshift";
        }

        foreach (var word in redshift.Split(' '))
        {
            if (!map.ContainsKey(word)) map[word] = "Redshift";
        }

        return map;
    }
}
