using System.Text;

namespace Warehouse.Generators.Emitters.Escaping;

/// <summary>
/// Text from the model in the CloudFormation template. JSON quoting is <see cref="JsonWriter"/>'s; what is left is
/// CloudFormation's and the services': <c>${</c> starts a variable inside <c>Fn::Sub</c>, and Glue holds column
/// comments on one line (its single-line string pattern) and limits lengths, cut here on code-point boundaries.
/// </summary>
internal static class CloudFormationText
{
    /// <summary>Literal text inside an <c>Fn::Sub</c> template: <c>${</c> is written <c>${!</c>, which Sub renders as <c>${</c>.</summary>
    public static string SubLiteral(string text) => UnicodeText.WellFormed(text).Replace("${", "${!");

    /// <summary>A Glue column comment: one line (line breaks and control characters become spaces), at most <paramref name="maxLength"/>.</summary>
    public static string SingleLine(string text, int maxLength)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(UnicodeText.IsLineBreak(c) || UnicodeText.IsOtherControl(c) ? ' ' : c);
        }

        return UnicodeText.Truncate(line.ToString(), maxLength);
    }

    /// <summary>A Glue description: line breaks and tabs are allowed; other control characters become spaces; at most <paramref name="maxLength"/>.</summary>
    public static string MultiLine(string text, int maxLength)
    {
        var lines = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            lines.Append(UnicodeText.IsOtherControl(c) || c is '\v' or '\f' ? ' ' : c);
        }

        return UnicodeText.Truncate(lines.ToString(), maxLength);
    }
}
