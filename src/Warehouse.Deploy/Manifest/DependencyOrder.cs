namespace Warehouse.Deploy.Manifest;

/// <summary>Topological order of nodes over depends_on (Kahn's algorithm, ties broken by id so runs are repeatable).</summary>
public static class DependencyOrder
{
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

        var ready = new SortedSet<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key), StringComparer.Ordinal);
        var order = new List<ManifestNode>(nodes.Count);
        while (ready.Count > 0)
        {
            string id = ready.Min!;
            ready.Remove(id);
            order.Add(byId[id]);
            foreach (var dependent in dependents[id])
            {
                if (--remaining[dependent] == 0)
                    ready.Add(dependent);
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
