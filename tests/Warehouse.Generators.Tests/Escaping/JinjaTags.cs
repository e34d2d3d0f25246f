namespace Warehouse.Generators.Tests.Escaping;

/// <summary>
/// The Jinja tags in a template as Jinja's lexer finds them: <c>{{ … }}</c>, <c>{% … %}</c> and <c>{# … #}</c>, where a
/// quoted string inside a tag may hold the closing delimiter. For the escaping tests and the fuzz harness: a tag that
/// is not one the compiler writes came from the model's text.
/// </summary>
internal static class JinjaTags
{
    public static List<string> Find(string template)
    {
        var tags = new List<string>();
        int i = 0;
        while (i < template.Length - 1)
        {
            if (template[i] != '{' || template[i + 1] is not ('{' or '%' or '#'))
            {
                i++;
                continue;
            }

            string close = template[i + 1] switch { '{' => "}}", '%' => "%}", _ => "#}" };
            int j = i + 2;
            while (j < template.Length && !template.AsSpan(j).StartsWith(close))
            {
                if (close != "#}" && template[j] is '\'' or '"')
                {
                    char quote = template[j++];
                    while (j < template.Length && template[j] != quote) j += template[j] == '\\' ? 2 : 1;
                }

                j++;
            }

            int end = Math.Min(template.Length, j + 2);
            tags.Add(template[i..end]);
            i = end;
        }

        return tags;
    }
}
