using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>Dependency cycles among resolved nodes (their <see cref="NodeSpec.DependsOn"/>), which no order can run.</summary>
internal static class Cycles
{
    /// <summary>
    /// A depth-first search in node order. Each cycle is reported once, by the node that closes it: its id, and the
    /// path from it back to itself (<c>a → b → a</c>). Ids that name no node (a reference the resolver already
    /// reported) are ignored.
    /// </summary>
    public static List<(string Id, IReadOnlyList<string> Path)> Find(IReadOnlyList<NodeSpec> nodes)
    {
        var byId = nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var cycles = new List<(string Id, IReadOnlyList<string> Path)>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            if (!byId.TryGetValue(id, out var node)) return;
            onStack.Add(id);
            path.Add(id);
            foreach (var dependency in node.DependsOn)
            {
                if (onStack.Contains(dependency))
                {
                    if (reported.Add(dependency))
                    {
                        cycles.Add((dependency, path.Skip(path.IndexOf(dependency)).Concat(new[] { dependency }).ToList()));
                    }
                }
                else if (!done.Contains(dependency))
                {
                    Visit(dependency);
                }
            }

            path.RemoveAt(path.Count - 1);
            onStack.Remove(id);
            done.Add(id);
        }

        foreach (var node in nodes)
        {
            if (!onStack.Contains(node.Id) && !done.Contains(node.Id)) Visit(node.Id);
        }

        return cycles;
    }
}
