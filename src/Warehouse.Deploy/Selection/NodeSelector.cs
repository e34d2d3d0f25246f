using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Selection;

/// <summary>
/// Evaluates <c>--select</c>/<c>--exclude</c> over the manifest's <c>depends_on</c> graph. The graph is indexed once
/// (id, name, layer and tag to node numbers; parents and children as lists of numbers), and each criterion is one
/// breadth-first walk, so a selection costs O(nodes + edges) per criterion whatever its operators.
/// Tests follow the models as in dbt's default ("eager") indirect selection: a test runs when a model it depends on is
/// selected, and is left out when it is excluded or depends on an excluded model. Analyses are never selected (analyze runs them).
/// </summary>
public sealed class NodeSelector
{
    private readonly IReadOnlyList<ManifestNode> _nodes;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byLayer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byTag = new(StringComparer.Ordinal);
    private readonly List<int>[] _parents;
    private readonly List<int>[] _children;

    public NodeSelector(IReadOnlyList<ManifestNode> nodes)
    {
        _nodes = nodes.Where(n => n.Kind != NodeKinds.Analysis).ToList();
        var index = new Dictionary<string, int>(_nodes.Count, StringComparer.Ordinal);
        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            index[node.Id] = i;
            Add(_byName, node.Id, i);
            if (node.Name != node.Id)
                Add(_byName, node.Name, i);
            if (node.Layer is { } layer)
                Add(_byLayer, layer, i);
            foreach (var tag in node.TagList)
                Add(_byTag, tag, i);
        }

        _parents = new List<int>[_nodes.Count];
        _children = new List<int>[_nodes.Count];
        for (int i = 0; i < _nodes.Count; i++)
            _children[i] = [];
        for (int i = 0; i < _nodes.Count; i++)
        {
            _parents[i] = [];
            foreach (var dependency in _nodes[i].Dependencies)
            {
                if (index.TryGetValue(dependency, out int parent))
                {
                    _parents[i].Add(parent);
                    _children[parent].Add(i);
                }
            }
        }
    }

    /// <summary>The nodes <paramref name="select"/> picks (all when null), minus <paramref name="exclude"/>, with their tests.</summary>
    public NodeSelection Select(SelectorSet? select, SelectorSet? exclude)
    {
        var selected = select is null ? Enumerable.Repeat(true, _nodes.Count).ToArray() : Evaluate(select);
        var excluded = exclude is null ? new bool[_nodes.Count] : Evaluate(exclude);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        int tests = 0, totalTests = 0;
        for (int i = 0; i < _nodes.Count; i++)
        {
            bool isTest = _nodes[i].Kind == NodeKinds.Test;
            bool byModel = isTest && _parents[i].Exists(p => selected[p] && !excluded[p] && _nodes[p].Kind != NodeKinds.Test);
            bool excludedModel = isTest && _parents[i].Exists(p => excluded[p]);
            totalTests += isTest ? 1 : 0;
            if ((selected[i] || byModel) && !excluded[i] && !excludedModel && chosen.Add(_nodes[i].Id) && isTest)
                tests++;
        }

        string description = string.Join(' ', new[] { select?.Text, exclude?.Text }.OfType<string>());
        if (chosen.Count == 0)
            throw new WarehouseException(ExitCodes.BadInput, $"{description} selects no node (of {_nodes.Count}); {SelectorParser.Accepted}");
        return new NodeSelection(chosen, chosen.Count - tests, _nodes.Count - totalTests, tests, totalTests, description);
    }

    private bool[] Evaluate(SelectorSet set)
    {
        var result = new bool[_nodes.Count];
        foreach (var intersection in set.Union)
        {
            bool[]? common = null;
            foreach (var criterion in intersection)
            {
                var picked = Evaluate(set.Option, criterion);
                if (common is null)
                    common = picked;
                else
                {
                    for (int i = 0; i < common.Length; i++)
                        common[i] &= picked[i];
                }
            }

            for (int i = 0; i < result.Length; i++)
                result[i] |= common![i];
        }

        return result;
    }

    private bool[] Evaluate(string option, SelectorCriterion criterion)
    {
        var (lookup, what) = criterion.Method switch
        {
            SelectorMethod.Layer => (_byLayer, "layer"),
            SelectorMethod.Tag => (_byTag, "tag"),
            _ => (_byName, "node"),
        };
        if (!lookup.TryGetValue(criterion.Value, out var start))
            throw new WarehouseException(ExitCodes.BadInput, $"{option} '{criterion.Text}' matches no node: no {what} {criterion.Value} in the manifest ({Known(criterion.Method, lookup)})");

        var picked = new bool[_nodes.Count];
        Mark(picked, start);
        if (criterion.ParentsDepth is { } up)
            Mark(picked, Walk(start, _parents, up));
        if (criterion.ChildrensParents)
        {
            // @m: m, its descendants and the ancestors of all of those, so that each of them can be built.
            var descendants = Walk(start, _children, int.MaxValue);
            Mark(picked, Walk(descendants, _parents, int.MaxValue));
        }
        else if (criterion.ChildrenDepth is { } down)
            Mark(picked, Walk(start, _children, down));
        return picked;
    }

    /// <summary>The nodes reachable from <paramref name="start"/> within <paramref name="depth"/> steps (breadth first, each node once).</summary>
    private List<int> Walk(List<int> start, List<int>[] edges, int depth)
    {
        var seen = new bool[_nodes.Count];
        var frontier = new List<int>(start.Count);
        foreach (int node in start)
        {
            if (!seen[node])
            {
                seen[node] = true;
                frontier.Add(node);
            }
        }

        var reached = new List<int>(frontier);
        for (int generation = 0; generation < depth && frontier.Count > 0; generation++)
        {
            var next = new List<int>();
            foreach (int node in frontier)
            {
                foreach (int neighbour in edges[node])
                {
                    if (!seen[neighbour])
                    {
                        seen[neighbour] = true;
                        next.Add(neighbour);
                    }
                }
            }

            reached.AddRange(next);
            frontier = next;
        }

        return reached;
    }

    private static void Mark(bool[] picked, List<int> nodes)
    {
        foreach (int i in nodes)
            picked[i] = true;
    }

    private static void Add(Dictionary<string, List<int>> lookup, string key, int node)
    {
        if (!lookup.TryGetValue(key, out var list))
            lookup[key] = list = [];
        list.Add(node);
    }

    private static string Known(SelectorMethod method, Dictionary<string, List<int>> lookup) => method switch
    {
        SelectorMethod.Node => "give a node's id, e.g. gold.orders, or its name",
        _ when lookup.Count == 0 => $"no node has a {method.ToString().ToLowerInvariant()}",
        _ => $"known: {string.Join(", ", lookup.Keys.Order(StringComparer.Ordinal))}",
    };
}

/// <summary>The ids a selection keeps, and how it reads in the run summary.</summary>
public sealed record NodeSelection(IReadOnlySet<string> Ids, int Nodes, int TotalNodes, int Tests, int TotalTests, string Description)
{
    public bool Contains(ManifestNode node) => Ids.Contains(node.Id);

    /// <summary>
    /// E.g. <c>selected 12 of 47 nodes and 130 of 243 tests: --select +gold.orders</c>: nodes (sources, models) and
    /// tests apart, since <c>run</c> runs no test and <c>test</c> no node.
    /// </summary>
    public string Summary => $"selected {Nodes} of {TotalNodes} nodes and {Tests} of {TotalTests} tests: {Description}";
}
