using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// Where each character of a SQL body is in the C# source, so that a problem the SQL front end finds at a body offset
/// is reported at its line and column inside the attribute's string. The body's text is the string's value, which
/// differs from its source: escapes (<c>\n</c>, <c>""</c>, <c>{{</c>), a raw string's removed indentation and
/// delimiters, and the <c>{nameof(...)}</c> holes. The map is kept as the node's keyed locations, one per run of
/// characters that are contiguous on one source line (<c>sql@offset</c>), and one per hole (<c>sql{offset</c>).
/// </summary>
internal static class SqlBodyLocations
{
    private const string Run = "sql@";
    private const string Hole = "sql{";

    private enum StringKind
    {
        Regular,
        Verbatim,
        Raw,
    }

    /// <summary>
    /// The runs of the body written as <paramref name="argument"/>; <paramref name="holeText"/> gives the text a
    /// hole contributes to the body (as the parser reads it). None when the argument is not a string written in place.
    /// </summary>
    public static IEnumerable<KeyedLocation> Map(ExpressionSyntax argument, System.Func<InterpolationSyntax, string> holeText)
    {
        var locations = new List<KeyedLocation>();
        var offset = 0;
        switch (argument)
        {
            case InterpolatedStringExpressionSyntax interpolated:
                var kind = interpolated.StringStartToken.Kind() switch
                {
                    SyntaxKind.InterpolatedVerbatimStringStartToken => StringKind.Verbatim,
                    SyntaxKind.InterpolatedStringStartToken => StringKind.Regular,
                    _ => StringKind.Raw,
                };
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        var value = TextOf(interpolated, text);
                        if (!AddRuns(locations, text.TextToken, value, 0, kind, interpolated: true, offset)) return new KeyedLocation[0];
                        offset += value.Length;
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        if (LocationInfo.From(hole) is { } location) locations.Add(new KeyedLocation(Hole + Number(offset), location));
                        offset += holeText(hole).Length;
                    }
                }

                return locations;
            case LiteralExpressionSyntax literal when literal.Token.Value is string:
                var token = literal.Token;
                var (start, literalKind) = token.Kind() switch
                {
                    SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", System.StringComparison.Ordinal) => (2, StringKind.Verbatim),
                    SyntaxKind.StringLiteralToken => (1, StringKind.Regular),
                    _ => (token.Text.Length - token.Text.TrimStart('"').Length, StringKind.Raw),
                };
                return AddRuns(locations, token, token.ValueText, start, literalKind, interpolated: false, 0) ? locations : new KeyedLocation[0];
            default:
                return locations;
        }
    }

    /// <summary>
    /// The text of an interpolated string's literal segment. Roslyn's <c>ValueText</c> of the segment decodes
    /// backslash and quote escapes but keeps a doubled brace doubled; the string's value has one (raw strings
    /// double no braces).
    /// </summary>
    public static string TextOf(InterpolatedStringExpressionSyntax interpolated, InterpolatedStringTextSyntax text) =>
        interpolated.StringStartToken.Kind() is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
            ? text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}")
            : text.TextToken.ValueText;

    /// <summary>The source location of <paramref name="length"/> body characters at <paramref name="offset"/>; null when the body has no map.</summary>
    public static LocationInfo? Find(ParsedNode node, int offset, int length)
    {
        KeyedLocation? best = null;
        var bestOffset = -1;
        foreach (var location in node.Locations)
        {
            if (!location.Key.StartsWith(Run, System.StringComparison.Ordinal) && !location.Key.StartsWith(Hole, System.StringComparison.Ordinal)) continue;
            var start = int.Parse(location.Key.Substring(Run.Length), CultureInfo.InvariantCulture);
            if (start <= offset && start > bestOffset)
            {
                best = location;
                bestOffset = start;
            }
        }

        if (best is null) return null;
        var info = best.Location;
        if (best.Key.StartsWith(Hole, System.StringComparison.Ordinal)) return info;
        var delta = System.Math.Min(offset - bestOffset, System.Math.Max(info.TextSpan.Length - 1, 0));
        var span = System.Math.Max(System.Math.Min(length, info.TextSpan.Length - delta), 1);
        var line = info.LineSpan.Start.Line;
        var character = info.LineSpan.Start.Character + delta;
        return new LocationInfo(info.FilePath, new TextSpan(info.TextSpan.Start + delta, span), new LinePositionSpan(new LinePosition(line, character), new LinePosition(line, character + span)));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds the runs of one string token's value; false when its value and source do not align (then the body has no map).</summary>
    private static bool AddRuns(List<KeyedLocation> locations, SyntaxToken token, string value, int contentStart, StringKind kind, bool interpolated, int bodyOffset)
    {
        var sources = SourceIndexes(token.Text, contentStart, value, kind, interpolated);
        if (sources is null || token.SyntaxTree is not { } tree) return false;
        var i = 0;
        while (i < sources.Count)
        {
            var first = i;
            while (i + 1 < sources.Count && sources[i + 1] == sources[i] + 1 && token.Text[sources[i]] is not ('\n' or '\r')) i++;
            i++;
            var span = new TextSpan(token.SpanStart + sources[first], sources[i - 1] - sources[first] + 1);
            if (LocationInfo.From(Location.Create(tree, span)) is { } location) locations.Add(new KeyedLocation(Run + Number(bodyOffset + first), location));
        }

        return true;
    }

    /// <summary>For each character of <paramref name="value"/>, its index in <paramref name="source"/> (the token's text).</summary>
    private static List<int>? SourceIndexes(string source, int start, string value, StringKind kind, bool interpolated)
    {
        var indexes = new List<int>(value.Length);
        var j = start;
        foreach (var c in value)
        {
            if (kind == StringKind.Raw)
            {
                // A raw string's value is its source without the delimiters, the first and last line breaks and
                // the closing line's indentation: the same characters in order, with whitespace skipped.
                while (j < source.Length && source[j] != c) j++;
                if (j >= source.Length) return null;
                indexes.Add(j++);
                continue;
            }

            if (j >= source.Length) return null;
            indexes.Add(j);
            var width = 1;
            if (interpolated && (source[j] == '{' || source[j] == '}') && j + 1 < source.Length && source[j + 1] == source[j]) width = 2;
            else if (kind == StringKind.Verbatim && source[j] == '"') width = 2;
            else if (kind == StringKind.Regular && source[j] == '\\') width = EscapeWidth(source, j);
            if (width == 0) return null;
            // A \U escape outside the BMP is two characters of the value for one escape of the source.
            if (width == 10 && char.IsHighSurrogate(c)) continue;
            j += width;
        }

        return indexes;
    }

    private static int EscapeWidth(string source, int at)
    {
        if (at + 1 >= source.Length) return 0;
        switch (source[at + 1])
        {
            case 'u':
                return 6;
            case 'U':
                return 10;
            case 'x':
                var width = 2;
                while (width < 6 && at + width < source.Length && System.Uri.IsHexDigit(source[at + width])) width++;
                return width;
            default:
                return 2;
        }
    }
}
