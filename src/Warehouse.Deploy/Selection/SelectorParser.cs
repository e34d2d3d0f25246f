using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Deploy.Selection;

/// <summary>How a selector's value picks its starting nodes.</summary>
public enum SelectorMethod
{
    /// <summary>A node's id (<c>gold.orders</c>) or its name (<c>orders</c>).</summary>
    Node,

    /// <summary><c>layer:gold</c>: every node of the layer.</summary>
    Layer,

    /// <summary><c>tag:finance</c>: every node carrying the tag.</summary>
    Tag,
}

/// <summary>
/// One selector criterion, as dbt spells it (core/dbt/graph/selector_spec.py): <c>[@][N+][method:]value[+N]</c>.
/// A depth is null when the operator is absent and <see cref="int.MaxValue"/> when it has no number (all generations).
/// </summary>
public sealed record SelectorCriterion(string Text, SelectorMethod Method, string Value, int? ParentsDepth, int? ChildrenDepth, bool ChildrensParents);

/// <summary>
/// A parsed <c>--select</c> or <c>--exclude</c>: a union (space-separated selectors, or the option repeated) of
/// intersections (comma-separated criteria within one selector), as in dbt.
/// </summary>
public sealed record SelectorSet(string Option, IReadOnlyList<IReadOnlyList<SelectorCriterion>> Union)
{
    /// <summary>The selector as the user wrote it, for the run summary.</summary>
    public string Text => $"{Option} {string.Join(' ', Union.Select(i => string.Join(',', i.Select(c => c.Text))))}";
}

/// <summary>
/// Parses selector text with dbt's grammar. Errors are one line naming the bad selector and what is accepted; the
/// grammar is dbt's regular expression, kept whole so the two can be compared.
/// </summary>
public static partial class SelectorParser
{
    public const string Accepted =
        "accepted: m (a node's id or name), +m (with its ancestors), m+ (with its descendants), 2+m or m+2 (that many generations), " +
        "@m (m, its descendants and their ancestors), layer:NAME, tag:NAME; separate selectors by spaces (union) and criteria by commas (intersection)";

    [GeneratedRegex(@"\A(?<childrens_parents>@)?(?<parents>(?<parents_depth>\d*)\+)?((?<method>[\w.]+):)?(?<value>.*?)(?<children>\+(?<children_depth>\d*))?\z")]
    private static partial Regex Criterion();

    /// <param name="option">The option the text came from (<c>--select</c>, <c>--exclude</c>), named in errors.</param>
    /// <param name="values">The option's values: each may hold several space-separated selectors.</param>
    public static SelectorSet Parse(string option, IEnumerable<string> values)
    {
        var union = new List<IReadOnlyList<SelectorCriterion>>();
        foreach (var selector in values.SelectMany(v => v.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)))
        {
            var intersection = selector.Split(',').Select(part => ParseCriterion(option, selector, part)).ToList();
            union.Add(intersection);
        }

        if (union.Count == 0)
            throw Error(option, "", "is empty");
        return new SelectorSet(option, union);
    }

    private static SelectorCriterion ParseCriterion(string option, string selector, string text)
    {
        if (text.Length == 0)
            throw Error(option, selector, "has an empty criterion around a comma");
        var match = Criterion().Match(text);
        if (!match.Success)
            throw Error(option, text, "is not a selector");
        string value = match.Groups["value"].Value;
        if (value.Length == 0)
            throw Error(option, text, "names no node");
        if (value.Contains('+', StringComparison.Ordinal) || value.Contains('@', StringComparison.Ordinal))
            throw Error(option, text, "has a graph operator in the middle (+ and @ go before or after the node)");
        bool childrensParents = match.Groups["childrens_parents"].Success;
        if (childrensParents && match.Groups["parents"].Success)
            throw Error(option, text, "combines @ and + before the node (@ already adds the ancestors)");

        var method = match.Groups["method"] switch
        {
            { Success: false } => SelectorMethod.Node,
            { Value: "layer" } => SelectorMethod.Layer,
            { Value: "tag" } => SelectorMethod.Tag,
            var other => throw Error(option, text, $"has an unknown method {other.Value}: (known: layer:, tag:)"),
        };
        return new SelectorCriterion(text, method, value,
            Depth(match.Groups["parents"], match.Groups["parents_depth"]),
            Depth(match.Groups["children"], match.Groups["children_depth"]),
            childrensParents);
    }

    private static int? Depth(Group @operator, Group depth) => !@operator.Success
        ? null
        : depth.Value.Length == 0 || !int.TryParse(depth.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? int.MaxValue
            : n;

    private static WarehouseException Error(string option, string selector, string problem) =>
        new(ExitCodes.BadInput, $"{option} '{selector}' {problem}; {Accepted}");
}
