using Warehouse.Deploy.Manifest;

namespace Warehouse.Deploy.Lake.Synthetic;

/// <summary>
/// Reads the relationships the model implies out of the manifest, the only thing the runner knows of a model:
/// source → staging (its key) → dimension or fact; a fact's references name dimensions, whose business keys are
/// columns of the fact's source (or, for a role-playing reference, the column its references_on names: an order date
/// and a ship date both holding the calendar's key); the calendar is the dimension with a date_column; the generic tests (accepted_values,
/// range, not_null, unique) on a column of a downstream node constrain the source column of the same name.
/// </summary>
public static class ModelRelationships
{
    public static IReadOnlyList<SourcePlan> Plan(WarehouseManifest manifest)
    {
        var byId = manifest.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var consumers = manifest.Nodes.Where(n => n.Kind != NodeKinds.Test)
            .SelectMany(n => n.Dependencies.Select(d => (Upstream: d, Node: n)))
            .ToLookup(p => p.Upstream, p => p.Node, StringComparer.Ordinal);
        var testsOf = manifest.Tests.Where(t => t.AttachedTo is not null).ToLookup(t => t.AttachedTo!, StringComparer.Ordinal);

        var sources = manifest.Sources.ToList();
        var plans = new Dictionary<string, SourcePlan>(StringComparer.Ordinal);
        var chains = new Dictionary<string, List<ManifestNode>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var staging = consumers[source.Id].FirstOrDefault(n => n.Kind == "staging");
            var gold = staging is null ? null : consumers[staging.Id].FirstOrDefault(n => n.Kind is "dimension" or "fact");
            var role = gold?.Kind switch
            {
                "dimension" when gold.DateColumn is not null => SourceRole.Calendar,
                "dimension" => SourceRole.Dimension,
                "fact" => SourceRole.Fact,
                _ => SourceRole.Other,
            };
            plans[source.Id] = new SourcePlan(source, role, staging?.Key);
            chains[source.Id] = new[] { staging, gold }.OfType<ManifestNode>().ToList();
        }

        // A dimension's members are its source's rows: the business key column names them in the sources that refer to them.
        var dimensionsByBusinessKey = new Dictionary<string, SourcePlan>(StringComparer.Ordinal);
        foreach (var plan in plans.Values.Where(p => p.Role is SourceRole.Dimension or SourceRole.Calendar))
        {
            var dimension = chains[plan.Id][^1];
            string? businessKey = dimension.ColumnList.FirstOrDefault(c => c.Role == "business_key")?.Name ?? plan.Key;
            if (businessKey is not null && plan.Node.ColumnList.Any(c => c.Name == businessKey))
                dimensionsByBusinessKey.TryAdd(businessKey, plan);
        }

        // A role-playing reference names the upstream column it looks up; the source column of that name holds the
        // referenced dimension's business keys.
        var dimensionsById = plans.Values.Where(p => p.Role is SourceRole.Dimension or SourceRole.Calendar)
            .ToDictionary(p => chains[p.Id][^1].Id, StringComparer.Ordinal);
        var roleReferences = plans.Values.Where(p => p.Role == SourceRole.Fact).ToDictionary(
            p => p.Id,
            p => chains[p.Id][^1].ColumnList
                .Where(c => c.ReferencesOn is not null && c.References is not null && dimensionsById.ContainsKey(c.References))
                .ToDictionary(c => c.ReferencesOn!, c => dimensionsById[c.References!], StringComparer.Ordinal));

        foreach (var plan in plans.Values)
        {
            var tests = chains[plan.Id].SelectMany(n => testsOf[n.Id]).Where(t => t.TestColumns is { Count: 1 }).ToList();
            var calendarDate = plan.Role == SourceRole.Calendar ? chains[plan.Id][^1].DateColumn : null;
            plan.Columns = plan.Node.ColumnList.Select(column =>
            {
                var on = tests.Where(t => t.TestColumns![0] == column.Name).ToList();
                var range = on.FirstOrDefault(t => t.TestType == "range");
                var referenced = roleReferences.GetValueOrDefault(plan.Id)?.GetValueOrDefault(column.Name)
                    ?? dimensionsByBusinessKey.GetValueOrDefault(column.Name);
                return new ColumnPlan(
                    column,
                    IsKey: column.Name == plan.Key,
                    NotNull: !column.Nullable || on.Any(t => t.TestType == "not_null"),
                    Unique: on.Any(t => t.TestType == "unique"),
                    AcceptedValues: on.FirstOrDefault(t => t.TestType == "accepted_values")?.TestValues ?? [],
                    Min: range?.TestMin,
                    Max: range?.TestMax,
                    References: referenced == plan ? null : referenced,
                    IsCalendarDate: column.Name == calendarDate);
            }).ToList();
        }

        // Dimensions first: a fact's keys are drawn from the members written before it.
        return sources.Select(s => plans[s.Id]).OrderBy(p => p.Role is SourceRole.Fact or SourceRole.Other ? 1 : 0).ToList();
    }
}
