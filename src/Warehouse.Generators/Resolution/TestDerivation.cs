using System;
using System.Collections.Generic;
using System.Linq;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>A declared <c>[Relationship]</c>'s target, once the resolver has found it.</summary>
internal sealed record RelationshipTarget(TableRef Table, string Column);

/// <summary>
/// The generic tests of a resolved model, derived from its columns: not-null for every non-nullable column (or a
/// declared <c>[NotNull]</c>, for its severity), uniqueness of the dimension's keys, the referential and known-member
/// tests of each dimension lookup, the declared column tests, and the uniqueness of a fact's grain. Names are
/// <c>kind_model_column</c>, one test per name, sorted by name.
/// </summary>
internal static class TestDerivation
{
    /// <param name="spec">A resolved model (its lookups and grain filled in).</param>
    /// <param name="relationship">Finds a declared relationship's target; null when it cannot (and has said why).</param>
    public static List<TestSpec> Derive(NodeSpec spec, Func<ColumnSpec, ColumnTestSpec, RelationshipTarget?> relationship)
    {
        var tests = new List<TestSpec>();
        if (spec.Kind is NodeKind.Source or NodeKind.Analysis or NodeKind.SingularTest)
        {
            return tests; // bronze is raw text: its checks are silver's casts and rules
        }

        var knownMembers = ScdPolicy.KnownMembers(spec);
        var currentRows = ScdPolicy.CurrentRows(spec);
        foreach (var column in spec.Columns)
        {
            var one = new[] { column.Name }.ToEquatableArray();
            TestSpec Test(TestKind kind, string name) => new() { Name = name, Kind = kind, Columns = one };
            var declaredNotNull = column.DeclaredTests.FirstOrDefault(t => t.Kind == TestKind.NotNull);
            if (!column.Nullable || declaredNotNull is not null)
            {
                tests.Add(Test(TestKind.NotNull, $"not_null_{spec.Name}_{column.Name}") with { WarnOnly = declaredNotNull?.WarnOnly ?? false });
            }

            if (column.Role == ColumnRole.SurrogateKey)
            {
                tests.Add(Test(TestKind.Unique, $"unique_{spec.Name}_{column.Name}"));
            }

            if (column.Role == ColumnRole.BusinessKey)
            {
                tests.Add(Test(TestKind.Unique, $"unique_{spec.Name}_{column.Name}") with { Where = All(currentRows, knownMembers) });
            }

            if (column.Lookup is { } lookup)
            {
                tests.Add(Test(TestKind.Relationships, $"relationships_{spec.Name}_{column.Name}") with { Related = lookup.Dimension, RelatedColumn = lookup.SurrogateKey });
                tests.Add(Test(TestKind.KnownMember, $"known_member_{spec.Name}_{column.Name}") with { WarnOnly = true });
            }

            foreach (var declared in column.DeclaredTests)
            {
                switch (declared.Kind)
                {
                    case TestKind.Unique when column.Role is not (ColumnRole.SurrogateKey or ColumnRole.BusinessKey):
                        tests.Add(Test(TestKind.Unique, $"unique_{spec.Name}_{column.Name}") with { WarnOnly = declared.WarnOnly, Where = All(currentRows, knownMembers) });
                        break;
                    case TestKind.AcceptedValues:
                        tests.Add(Test(TestKind.AcceptedValues, $"accepted_values_{spec.Name}_{column.Name}") with { WarnOnly = declared.WarnOnly, Values = declared.Values, Where = knownMembers });
                        break;
                    case TestKind.Range:
                        tests.Add(Test(TestKind.Range, $"range_{spec.Name}_{column.Name}") with { WarnOnly = declared.WarnOnly, Min = declared.Min, Max = declared.Max, Where = knownMembers });
                        break;
                    case TestKind.Relationships when relationship(column, declared) is { } target:
                        tests.Add(Test(TestKind.Relationships, $"relationships_{spec.Name}_{column.Name}__{target.Table.Name}") with
                        {
                            WarnOnly = declared.WarnOnly,
                            Related = target.Table,
                            RelatedColumn = target.Column,
                            Where = knownMembers,
                        });
                        break;
                }
            }
        }

        if (spec.Grain is { Columns.Count: > 0 } grain)
        {
            tests.Add(new TestSpec { Name = $"grain_unique_{spec.Name}", Kind = TestKind.Unique, Columns = grain.Columns });
        }

        return tests.GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The conditions that are present, joined with AND; null when none is.</summary>
    private static string? All(params string?[] conditions)
    {
        var present = conditions.Where(c => c is not null).ToList();
        return present.Count == 0 ? null : string.Join(" AND ", present);
    }
}
