namespace Warehouse.Deploy.Manifest;

/// <summary>
/// Topological order of nodes over depends_on (Kahn's algorithm). Among the nodes that are ready, earlier layers go
/// first (bronze, silver, gold, then the rest), then ids, so runs are repeatable and every silver node runs before
/// the first gold node opens the publish transaction: gold and the tests are published together, and silver written
/// inside that transaction would make it hold a whole warehouse's silver tables (on DuckDB, in memory until commit).
/// </summary>
public static class DependencyOrder
{
    private static readonly string[] Layers = ["bronze", "silver", "gold"];

    /// <summary>The rank of a node's layer in the run order; tests, analyses and unknown layers last.</summary>
    private static int Rank(ManifestNode node) => Array.IndexOf(Layers, node.Layer) is var i and >= 0 ? i : Layers.Length;

    public static IReadOnlyList<ManifestNode> Sort(IReadOnlyList<ManifestNode> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var remaining = nodes.ToDictionary(
            n => n.Id,
            n => n.Dependencies.Count(byId.ContainsKey),
            StringComparer.Ordinal);
        var dependents = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var dependency in node.Dependencies.Where(byId.ContainsKey))
                dependents[dependency].Add(node.Id);
        }

        var comparer = Comparer<(int Rank, string Id)>.Create((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Id, b.Id));
        var ready = new SortedSet<(int Rank, string Id)>(remaining.Where(p => p.Value == 0).Select(p => (Rank(byId[p.Key]), p.Key)), comparer);
        var order = new List<ManifestNode>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(byId[next.Id]);
            foreach (var dependent in dependents[next.Id])
            {
                if (--remaining[dependent] == 0)
                    ready.Add((Rank(byId[dependent]), dependent));
            }
        }

        if (order.Count != nodes.Count)
        {
            var cycle = remaining.Where(p => p.Value > 0).Select(p => p.Key).Order(StringComparer.Ordinal);
            throw new WarehouseException(ExitCodes.BadInput, $"manifest: dependency cycle among {string.Join(", ", cycle)}");
        }

        return order;
    }
}
