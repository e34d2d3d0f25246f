using System.Text;

namespace Warehouse.Generators.Emitters.Escaping;

/// <summary>
/// Text a user wrote, made fit for a UTF-8 file: a lone surrogate (legal in a C# string, impossible in UTF-8) becomes
/// U+FFFD, and a length limit cuts on a code-point boundary. The MSBuild task writes artifacts with a strict UTF-8
/// encoder, which throws on half a surrogate pair, so every emitter that cuts or copies user text goes through here.
/// </summary>
internal static class UnicodeText
{
    public const char Replacement = '\uFFFD';

    /// <summary><paramref name="text"/> with every unpaired surrogate replaced by U+FFFD (the text itself when it has none).</summary>
    public static string WellFormed(string text)
    {
        int first = FirstLoneSurrogate(text);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? Replacement : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> UTF-16 units (so at most as many code points or characters, whichever a
    /// service counts), never splitting a surrogate pair; a cut text ends with "…" within the limit.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        text = WellFormed(text);
        if (text.Length <= maxLength) return text;
        int end = maxLength - 1;
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return text.Substring(0, end) + "…";
    }

    /// <summary>
    /// A character that some reader of the artifacts takes as the end of a line: LF, CR, VT, FF, NEL (U+0085) and the
    /// line and paragraph separators U+2028/U+2029 (YAML 1.1, JavaScript, editors). A one-line context (a <c>--</c>
    /// comment, a Glue comment) must never hold one.
    /// </summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>A control character other than tab and the line breaks: C0, DEL and C1.</summary>
    public static bool IsOtherControl(char c) => (c < ' ' && c != '\t' && !IsLineBreak(c)) || (c >= '\u007f' && c <= '\u009f' && c != '\u0085');

    private static int FirstLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return i;
        }

        return -1;
    }
}
