using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Emitters.Plans;

/// <summary>Builds a fact's <see cref="FactPlan"/> from its resolved spec.</summary>
internal static class FactPlanBuilder
{
    public static FactPlan Build(NodeSpec node)
    {
        if (node.Kind != NodeKind.Fact || node.Upstream is null)
        {
            throw new InvalidOperationException($"{node.Id} is not a resolved fact");
        }

        var references = node.Columns.Where(c => c.Lookup is not null).ToList();
        var calendar = references.FirstOrDefault(c => c.Name == node.EventDateColumn);
        var asOf = calendar?.Lookup!.DateColumn is { } dateColumn ? new DateRef(AliasOf(calendar), dateColumn) : null;
        LookupPlan Lookup(ColumnSpec column)
        {
            var lookup = column.Lookup!;
            // The calendar itself is looked up by its key alone: it dates the others.
            var version = !lookup.Type2 ? LookupVersion.Only : asOf is not null && column != calendar ? LookupVersion.AsOfDate : LookupVersion.Current;
            return new LookupPlan(column.Name, AliasOf(column), lookup.Dimension, lookup.SurrogateKey, lookup.BusinessKey, lookup.FactColumn,
                version, version == LookupVersion.AsOfDate ? asOf : null);
        }

        var lookups = references.ToDictionary(c => c.Name, Lookup, StringComparer.Ordinal);
        var joinOrder = (calendar is null ? references : references.Where(r => r != calendar).Prepend(calendar)).Select(r => lookups[r.Name]).ToList();
        var columns = node.Columns.Select(c => new FactColumn(c.Name, c.Type, c.Nullable, c.Lookup is null ? ValuePlan.Of(c) : null,
            c.Lookup is null ? null : lookups[c.Name]));
        var grain = node.Grain?.Columns ?? EquatableArray<string>.Empty;
        var rekeyed = references.Count > 0 && grain.Count > 0 && node.Incremental is Incremental.Merge or Incremental.DeleteInsert;
        return new FactPlan(
            new TableRef(node.Schema, node.Name),
            node.Upstream,
            columns.ToEquatableArray(),
            joinOrder.ToEquatableArray(),
            node.Grain,
            node.Incremental,
            TableLayout.Of(node),
            rekeyed ? Rekey(grain, references.Select(r => lookups[r.Name]).ToList(), calendar is null ? null : lookups[calendar.Name], asOf) : null);
    }

    private static RekeyPlan Rekey(EquatableArray<string> grain, List<LookupPlan> references, LookupPlan? calendar, DateRef? asOf)
    {
        var versioned = references.Where(r => r != calendar && r.Version == LookupVersion.AsOfDate).ToEquatableArray();
        var dated = calendar is not null && asOf is not null && versioned.Count > 0 ? new RekeyCalendar(calendar, asOf.Column, versioned) : null;
        return new RekeyPlan(grain, references.Select(r => r.Column).ToEquatableArray(), dated);
    }

    private static string AliasOf(ColumnSpec reference) => "d__" + reference.Name;
}
