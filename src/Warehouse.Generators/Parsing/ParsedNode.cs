using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Parsing;

/// <summary>Where something of a node was declared, by a stable key such as <c>prop:AccountId:Derived</c>.</summary>
internal sealed record KeyedLocation(string Key, LocationInfo Location);

/// <summary>
/// The parser's output for one record: the location-free spec, the locations that diagnostics need, and the
/// diagnostics found while parsing. Only the resolver sees locations; rendering sees specs alone, so moving a
/// record in its file re-renders nothing.
/// </summary>
internal sealed record ParsedNode(NodeSpec Spec, EquatableArray<KeyedLocation> Locations, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The record's kind attribute could not be read (its arguments do not compile, it is generic, or it is marked
    /// as a second kind of model). It has said so (WH0040, WH0049, WH0050); the resolver neither resolves it nor
    /// reports what refers to it, so that one mistake is one error.
    /// </summary>
    public bool Incomplete { get; init; }

    /// <summary>
    /// The record is being typed (<see cref="AttributeReader.IsUnsettled"/>: its file does not parse, or an attribute
    /// names no class), so its columns may be what the C# compiler recovered: what others miss in it is not reported.
    /// </summary>
    public bool Unsettled { get; init; }

    public LocationInfo? Find(string key)
    {
        foreach (var location in Locations)
        {
            if (location.Key == key) return location.Location;
        }

        return null;
    }

    /// <summary>The most precise location among <paramref name="keys"/>, falling back to the record itself.</summary>
    public LocationInfo? FindFirst(params string[] keys)
    {
        foreach (var key in keys)
        {
            var found = Find(key);
            if (found is not null) return found;
        }

        return Find("attr") ?? Find("node");
    }
}
