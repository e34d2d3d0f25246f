using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// Checks the model across records and fills in every spec's resolved fields (upstream tables, column lineage,
/// dimension lookups, generic tests, dependencies), so that each node can then be rendered on its own.
/// </summary>
internal sealed class WarehouseResolver
{
    private readonly Dictionary<string, ParsedNode> _byType = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private WarehouseResolver(IEnumerable<ParsedNode> nodes)
    {
        foreach (var node in nodes)
        {
            _byType[node.Spec.TypeName] = node;
        }
    }

    public static ResolvedWarehouse Resolve(string project, ImmutableArray<ParsedNode> parsed)
    {
        var resolver = new WarehouseResolver(parsed);
        try
        {
            return resolver.Run(project, parsed);
        }
        catch (Exception exception)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, project, exception.GetType().Name + ": " + exception.Message);
            return new ResolvedWarehouse(project, EquatableArray<NodeSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private ResolvedWarehouse Run(string project, ImmutableArray<ParsedNode> parsed)
    {
        foreach (var node in parsed)
        {
            _diagnostics.AddRange(node.Diagnostics);
        }

        CheckDuplicateTables(parsed);
        var resolved = new List<NodeSpec>();
        foreach (var node in parsed.OrderBy(n => n.Spec.Id, StringComparer.Ordinal).ThenBy(n => n.Spec.TypeName, StringComparer.Ordinal))
        {
            CheckIdentifiers(node);
            resolved.Add(ResolveNode(node));
        }

        CheckCycles(resolved);
        var diagnostics = _diagnostics
            .OrderBy(d => d.Location?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.TextSpan.Start ?? 0)
            .ThenBy(d => d.Descriptor.Id, StringComparer.Ordinal)
            .Distinct()
            .ToEquatableArray();
        var nodes = diagnostics.Count == 0 ? resolved.ToEquatableArray() : EquatableArray<NodeSpec>.Empty;
        return new ResolvedWarehouse(project, nodes, diagnostics);
    }

    private void CheckDuplicateTables(ImmutableArray<ParsedNode> parsed)
    {
        foreach (var group in parsed.GroupBy(n => n.Spec.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(n => n.Spec.TypeName, StringComparer.Ordinal).ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                Report(DiagnosticDescriptors.DuplicateTable, duplicate.FindFirst("table"), group.Key, ordered[0].Spec.TypeName, duplicate.Spec.TypeName);
            }
        }
    }

    private void CheckIdentifiers(ParsedNode node)
    {
        var spec = node.Spec;
        if (spec.Kind is not (NodeKind.Analysis or NodeKind.SingularTest))
        {
            CheckIdentifier(spec.Schema, node.FindFirst("table"));
        }

        CheckIdentifier(spec.Name, node.FindFirst("table"));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in spec.Columns)
        {
            var location = node.FindFirst("prop:" + column.PropertyName + ":Column", "prop:" + column.PropertyName);
            CheckIdentifier(column.Name, location);
            if (seen.TryGetValue(column.Name, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateColumn, location, column.Name, spec.TypeName, first, column.PropertyName);
            }
            else
            {
                seen[column.Name] = column.PropertyName;
            }
        }
    }

    private void CheckIdentifier(string identifier, LocationInfo? location)
    {
        if (Naming.InvalidReason(identifier) is { } reason)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, location, identifier, "PostgreSQL, DuckDB and Redshift", reason);
        }
        else if (Naming.ReservedIn(identifier) is { } dialects)
        {
            Report(DiagnosticDescriptors.ReservedIdentifier, location, identifier, dialects);
        }
    }

    private NodeSpec ResolveNode(ParsedNode node) => node.Spec.Kind switch
    {
        NodeKind.Source => node.Spec with { Tests = ColumnTests(node, node.Spec).ToEquatableArray() },
        NodeKind.Staging => ResolveStaging(node),
        NodeKind.Dimension => ResolveDimension(node),
        NodeKind.Fact => ResolveFact(node),
        _ => ResolveSql(node),
    };

    private NodeSpec ResolveStaging(ParsedNode node)
    {
        var spec = node.Spec;
        var upstream = Upstream(node, NodeKind.Source, "[Source]");
        var columns = spec.Columns.Select(c => ResolveLineage(node, c, upstream)).ToList();
        string? key = null;
        if (spec.Key is not null)
        {
            key = ColumnName(spec, spec.Key);
            if (key is null) ReportUnknownColumn(node.FindFirst("attr"), "Key", spec.Key, spec);
        }
        else if (spec.Incremental is Incremental.Merge or Incremental.DeleteInsert)
        {
            Report(DiagnosticDescriptors.MissingIncrementalKey, node.FindFirst("attr"), spec.TypeName, spec.Incremental.ToString());
        }

        var rules = spec.Rules.Select(rule => rule.Parsed is null ? rule : rule with
        {
            Parsed = BindOrReport(rule.Parsed, spec, n => ColumnName(spec, n), node.FindFirst("rule:" + rule.Name), $"Rule '{rule.Name}'"),
        });
        var resolved = spec with
        {
            Columns = columns.ToEquatableArray(),
            Upstream = upstream is null ? null : TableOf(upstream.Spec),
            UpstreamColumns = upstream is null ? EquatableArray<ColumnSpec>.Empty : upstream.Spec.Columns.Select(c => new ColumnSpec { PropertyName = c.PropertyName, Name = c.Name, Type = c.Type, Nullable = true }).ToEquatableArray(),
            Key = key,
            Rules = rules.ToEquatableArray(),
            DependsOn = upstream is null ? EquatableArray<string>.Empty : new[] { upstream.Spec.Id }.ToEquatableArray(),
        };
        return resolved with { Tests = ColumnTests(node, resolved).ToEquatableArray() };
    }

    private NodeSpec ResolveDimension(ParsedNode node)
    {
        var spec = node.Spec;
        var upstream = Upstream(node, NodeKind.Staging, "[Staging]");
        var columns = spec.Columns.Select(c => c.Role == ColumnRole.SurrogateKey ? c : ResolveLineage(node, c, upstream)).ToList();
        if (!columns.Any(c => c.Role == ColumnRole.SurrogateKey))
        {
            Report(DiagnosticDescriptors.MissingSurrogateKey, node.FindFirst("attr"), spec.TypeName, spec.Name.StartsWith("dim_", StringComparison.Ordinal) ? Naming.ToPascalCase(spec.Name.Substring(4)) : "Member");
        }

        if (!columns.Any(c => c.Role == ColumnRole.BusinessKey))
        {
            Report(DiagnosticDescriptors.MissingBusinessKey, node.FindFirst("attr"), spec.TypeName, spec.Scd == 2 ? "a type-2 dimension" : "a dimension");
        }

        if (spec.Scd == 2 && !columns.Any(c => c.History))
        {
            columns = columns.Select(c => c.Role == ColumnRole.Attribute ? c with { History = true } : c).ToList();
        }

        string? dateColumn = null;
        if (spec.DateColumn is not null)
        {
            var date = FindColumn(spec, spec.DateColumn);
            if (date is null || date.Type.Kind != SqlTypeKind.Date)
            {
                ReportUnknownColumn(node.FindFirst("attr"), "DateColumn (a DateOnly property)", spec.DateColumn, spec);
            }
            else
            {
                dateColumn = date.Name;
            }
        }

        var hierarchies = new List<HierarchySpec>();
        foreach (var hierarchy in spec.Hierarchies)
        {
            var levels = new List<string>();
            foreach (var level in hierarchy.Levels)
            {
                var name = ColumnName(spec, level);
                if (name is null) ReportUnknownColumn(node.FindFirst("hierarchy:" + hierarchy.Name), $"Hierarchy '{hierarchy.Name}'", level, spec);
                else levels.Add(name);
            }

            hierarchies.Add(hierarchy with { Levels = levels.ToEquatableArray() });
        }

        var resolved = spec with
        {
            Columns = columns.ToEquatableArray(),
            Upstream = upstream is null ? null : TableOf(upstream.Spec),
            DateColumn = dateColumn,
            Hierarchies = hierarchies.ToEquatableArray(),
            DependsOn = upstream is null ? EquatableArray<string>.Empty : new[] { upstream.Spec.Id }.ToEquatableArray(),
        };
        return resolved with { Tests = ColumnTests(node, resolved).ToEquatableArray() };
    }

    private NodeSpec ResolveFact(ParsedNode node)
    {
        var spec = node.Spec;
        var upstream = Upstream(node, NodeKind.Staging, "[Staging]");
        var dependsOn = new SortedSet<string>(StringComparer.Ordinal);
        if (upstream is not null) dependsOn.Add(upstream.Spec.Id);
        string? eventDate = null;
        var columns = new List<ColumnSpec>();
        foreach (var column in spec.Columns)
        {
            if (column.Role != ColumnRole.Reference)
            {
                columns.Add(ResolveLineage(node, column, upstream));
                continue;
            }

            var location = node.FindFirst("prop:" + column.PropertyName + ":References", "prop:" + column.PropertyName);
            var dimension = Referenced(column.ReferencedType, location, $"[References] on '{column.PropertyName}'", NodeKind.Dimension, "[Dimension]");
            if (dimension is null || upstream is null)
            {
                columns.Add(column);
                continue;
            }

            dependsOn.Add(dimension.Spec.Id);
            var surrogate = dimension.Spec.Columns.FirstOrDefault(c => c.Role == ColumnRole.SurrogateKey);
            var business = dimension.Spec.Columns.FirstOrDefault(c => c.Role == ColumnRole.BusinessKey);
            if (surrogate is null || business is null)
            {
                columns.Add(column);
                continue; // the dimension itself reports WH0006/WH0017
            }

            if (surrogate.Type != column.Type)
            {
                Report(DiagnosticDescriptors.KeyTypeMismatch, location, $"{spec.TypeName}.{column.PropertyName}", column.Type.ToString(), $"the surrogate key {dimension.Spec.TypeName}.{surrogate.PropertyName}", surrogate.Type.ToString());
            }

            var onName = column.ReferenceOn ?? business.Name;
            var on = FindColumn(upstream.Spec, onName);
            if (on is null)
            {
                ReportUnknownColumn(location, $"[References] on '{column.PropertyName}' (On)", onName, upstream.Spec);
                columns.Add(column);
                continue;
            }

            if (on.Type.Kind != business.Type.Kind)
            {
                Report(DiagnosticDescriptors.KeyTypeMismatch, location, $"{upstream.Spec.TypeName}.{on.PropertyName}", on.Type.ToString(), $"the business key {dimension.Spec.TypeName}.{business.PropertyName}", business.Type.ToString());
            }

            var isCalendar = dimension.Spec.DateColumn is not null;
            var dateColumn = isCalendar ? FindColumn(dimension.Spec, dimension.Spec.DateColumn!)?.Name : null;
            if (isCalendar && eventDate is null) eventDate = column.Name;
            columns.Add(column with
            {
                UpstreamColumn = on.Name,
                Lookup = new DimensionLookup(new TableRef(dimension.Spec.Schema, dimension.Spec.Name), surrogate.Name, business.Name, on.Name, dimension.Spec.Scd == 2, dateColumn),
            });
        }

        GrainSpec? grain = null;
        if (spec.Grain is null)
        {
            Report(DiagnosticDescriptors.FactWithoutGrain, node.FindFirst("attr"), spec.TypeName);
        }
        else
        {
            var members = new List<string>();
            foreach (var member in spec.Grain.Columns)
            {
                var column = FindColumn(spec, member);
                if (column is null || column.Role is not (ColumnRole.Reference or ColumnRole.DegenerateKey))
                {
                    var what = column is null ? "not a property of the fact" : $"a {Describe(column.Role)}";
                    Report(DiagnosticDescriptors.InvalidGrainMember, node.FindFirst("grain"), member, spec.TypeName, what);
                }
                else
                {
                    members.Add(column.Name);
                }
            }

            grain = spec.Grain with { Columns = members.ToEquatableArray() };
        }

        var resolved = spec with
        {
            Columns = columns.ToEquatableArray(),
            Upstream = upstream is null ? null : TableOf(upstream.Spec),
            Grain = grain,
            EventDateColumn = eventDate,
            DependsOn = dependsOn.ToEquatableArray(),
        };
        return resolved with { Tests = ColumnTests(node, resolved).ToEquatableArray() };
    }

    private NodeSpec ResolveSql(ParsedNode node)
    {
        var spec = node.Spec;
        var dependsOn = new SortedSet<string>(StringComparer.Ordinal);
        var parts = new List<SqlPart>();
        foreach (var part in spec.Sql)
        {
            if (part.ReferencedType is null)
            {
                parts.Add(part);
                continue;
            }

            var target = Referenced(part.ReferencedType, node.FindFirst("sql"), $"the SQL of '{spec.TypeName}'", null, "[Source], [Staging], [Dimension], [Fact] or [SqlModel]");
            if (target is null)
            {
                parts.Add(part);
                continue;
            }

            dependsOn.Add(target.Spec.Id);
            parts.Add(part with { Target = TableOf(target.Spec) });
        }

        var resolved = spec with { Sql = parts.ToEquatableArray(), DependsOn = dependsOn.ToEquatableArray() };
        return resolved with { Tests = ColumnTests(node, resolved).ToEquatableArray() };
    }

    /// <summary>Finds where a column of a staging, dimension or fact comes from, and binds its expressions.</summary>
    private ColumnSpec ResolveLineage(ParsedNode node, ColumnSpec column, ParsedNode? upstream)
    {
        if (upstream is null) return column;
        var key = "prop:" + column.PropertyName;
        string? Resolve(string name) => ColumnName(upstream.Spec, name);
        var resolved = column;
        if (column.Default is not null)
        {
            resolved = resolved with { Default = BindOrReport(column.Default, upstream.Spec, Resolve, node.FindFirst(key + ":Default", key), $"[Default] on '{column.PropertyName}'") };
        }

        if (column.Derived is not null)
        {
            return resolved with { Derived = BindOrReport(column.Derived, upstream.Spec, Resolve, node.FindFirst(key + ":Derived", key), $"[Derived] on '{column.PropertyName}'") };
        }

        var source = FindColumn(upstream.Spec, column.Name) ?? FindColumn(upstream.Spec, column.PropertyName);
        if (source is null)
        {
            Report(DiagnosticDescriptors.MissingUpstreamColumn, node.FindFirst(key), upstream.Spec.TypeName, column.Name, $"'{column.PropertyName}'");
            return resolved;
        }

        return resolved with { UpstreamColumn = source.Name };
    }

    private Expr BindOrReport(Expr expression, NodeSpec table, Func<string, string?> resolve, LocationInfo? location, string what)
    {
        var unknown = new List<string>();
        var bound = ExpressionBinder.Bind(expression, resolve, unknown);
        foreach (var name in unknown.Distinct())
        {
            ReportUnknownColumn(location, what, name, table);
        }

        return bound;
    }

    /// <summary>A reference to another node's table, marked when it is a bronze source.</summary>
    private static TableRef TableOf(NodeSpec spec) => new(spec.Schema, spec.Name) { IsSource = spec.Kind == NodeKind.Source };

    /// <summary>Generic tests: implied not-null, declared column tests, key tests and the fact's grain.</summary>
    private List<TestSpec> ColumnTests(ParsedNode node, NodeSpec spec)
    {
        var tests = new List<TestSpec>();
        if (spec.Kind is NodeKind.Source or NodeKind.Analysis or NodeKind.SingularTest)
        {
            return tests; // bronze is raw text: its checks are silver's casts and rules
        }

        var surrogate = spec.Columns.FirstOrDefault(c => c.Role == ColumnRole.SurrogateKey);
        var knownMembers = spec.Kind == NodeKind.Dimension && surrogate is not null ? $"{surrogate.Name} <> -1" : null;
        var currentMembers = spec.Kind == NodeKind.Dimension && spec.Scd == 2 ? "is_current" : null;
        string? Where(params string?[] conditions)
        {
            var parts = conditions.Where(c => c is not null).ToList();
            return parts.Count == 0 ? null : string.Join(" AND ", parts);
        }

        foreach (var column in spec.Columns)
        {
            var one = new[] { column.Name }.ToEquatableArray();
            var declaredNotNull = column.DeclaredTests.FirstOrDefault(t => t.Kind == "not_null");
            if (!column.Nullable || declaredNotNull is not null)
            {
                tests.Add(new TestSpec { Name = $"not_null_{spec.Name}_{column.Name}", Kind = "not_null", Columns = one, WarnOnly = declaredNotNull?.WarnOnly ?? false });
            }

            if (column.Role == ColumnRole.SurrogateKey)
            {
                tests.Add(new TestSpec { Name = $"unique_{spec.Name}_{column.Name}", Kind = "unique", Columns = one });
            }

            if (column.Role == ColumnRole.BusinessKey)
            {
                tests.Add(new TestSpec { Name = $"unique_{spec.Name}_{column.Name}", Kind = "unique", Columns = one, Where = Where(currentMembers, knownMembers) });
            }

            if (column.Lookup is { } lookup)
            {
                tests.Add(new TestSpec
                {
                    Name = $"relationships_{spec.Name}_{column.Name}",
                    Kind = "relationships",
                    Columns = one,
                    Related = lookup.Dimension,
                    RelatedColumn = lookup.SurrogateKey,
                });
                tests.Add(new TestSpec
                {
                    Name = $"known_member_{spec.Name}_{column.Name}",
                    Kind = "known_member",
                    Columns = one,
                    WarnOnly = true,
                });
            }

            foreach (var declared in column.DeclaredTests)
            {
                switch (declared.Kind)
                {
                    case "unique" when column.Role is not (ColumnRole.SurrogateKey or ColumnRole.BusinessKey):
                        tests.Add(new TestSpec { Name = $"unique_{spec.Name}_{column.Name}", Kind = "unique", Columns = one, WarnOnly = declared.WarnOnly, Where = Where(currentMembers, knownMembers) });
                        break;
                    case "accepted_values":
                        tests.Add(new TestSpec { Name = $"accepted_values_{spec.Name}_{column.Name}", Kind = "accepted_values", Columns = one, WarnOnly = declared.WarnOnly, Values = declared.Values, Where = knownMembers });
                        break;
                    case "range":
                        tests.Add(new TestSpec { Name = $"range_{spec.Name}_{column.Name}", Kind = "range", Columns = one, WarnOnly = declared.WarnOnly, Min = declared.Min, Max = declared.Max, Where = knownMembers });
                        break;
                    case "relationships":
                        var location = node.FindFirst("prop:" + column.PropertyName + ":Relationship", "prop:" + column.PropertyName);
                        var target = Referenced(declared.RelatedType, location, $"[Relationship] on '{column.PropertyName}'", null, "a model attribute");
                        if (target is null) break;
                        var targetColumn = declared.RelatedColumn is null ? null : FindColumn(target.Spec, declared.RelatedColumn);
                        if (targetColumn is null)
                        {
                            ReportUnknownColumn(location, $"[Relationship] on '{column.PropertyName}'", declared.RelatedColumn ?? string.Empty, target.Spec);
                            break;
                        }

                        tests.Add(new TestSpec
                        {
                            Name = $"relationships_{spec.Name}_{column.Name}__{target.Spec.Name}",
                            Kind = "relationships",
                            Columns = one,
                            WarnOnly = declared.WarnOnly,
                            Related = new TableRef(target.Spec.Schema, target.Spec.Name),
                            RelatedColumn = targetColumn.Name,
                            Where = knownMembers,
                        });
                        break;
                }
            }
        }

        if (spec.Grain is { Columns.Count: > 0 } grain)
        {
            tests.Add(new TestSpec { Name = $"grain_unique_{spec.Name}", Kind = "unique", Columns = grain.Columns });
        }

        return tests.GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private ParsedNode? Upstream(ParsedNode node, NodeKind expected, string expectedAttribute) =>
        Referenced(node.Spec.UpstreamType, node.FindFirst("attr"), $"'{node.Spec.TypeName}'", expected, expectedAttribute);

    /// <summary>Looks a referenced record up and checks its kind; reports WH0001/WH0002 and returns null when wrong.</summary>
    private ParsedNode? Referenced(string? typeName, LocationInfo? location, string referrer, NodeKind? expected, string expectedAttribute)
    {
        if (typeName is null) return null;
        if (!_byType.TryGetValue(typeName, out var target))
        {
            Report(DiagnosticDescriptors.UnknownReference, location, typeName, referrer, expectedAttribute);
            return null;
        }

        var wrongKind = expected is { } kind ? target.Spec.Kind != kind : target.Spec.Kind is NodeKind.Analysis or NodeKind.SingularTest;
        if (wrongKind)
        {
            Report(DiagnosticDescriptors.WrongReferenceKind, location, referrer, expectedAttribute, typeName, KindName(target.Spec.Kind));
            return null;
        }

        return target;
    }

    private void CheckCycles(List<NodeSpec> nodes)
    {
        var byId = nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            if (!byId.TryGetValue(id, out var node)) return;
            state[id] = 1;
            path.Add(id);
            foreach (var dependency in node.DependsOn)
            {
                state.TryGetValue(dependency, out var s);
                if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(dependency)).Concat(new[] { dependency }).ToList();
                    if (reported.Add(dependency) && _byType.TryGetValue(byId[dependency].TypeName, out var parsed))
                    {
                        Report(DiagnosticDescriptors.Cycle, parsed.FindFirst("sql", "attr"), byId[dependency].TypeName, string.Join(" -> ", cycle));
                    }
                }
                else if (s == 0)
                {
                    Visit(dependency);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var node in nodes)
        {
            if (!state.ContainsKey(node.Id)) Visit(node.Id);
        }
    }

    private void ReportUnknownColumn(LocationInfo? location, string what, string name, NodeSpec table) =>
        Report(DiagnosticDescriptors.UnknownColumn, location, what, name, table.TypeName, string.Join(", ", table.Columns.Select(c => c.Name)));

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>A column by column name or property name.</summary>
    private static ColumnSpec? FindColumn(NodeSpec spec, string name) =>
        spec.Columns.FirstOrDefault(c => c.Name == name) ?? spec.Columns.FirstOrDefault(c => c.PropertyName == name);

    private static string? ColumnName(NodeSpec spec, string name) => FindColumn(spec, name)?.Name;


    private static string Describe(ColumnRole role) => role switch
    {
        ColumnRole.Measure => "measure",
        ColumnRole.SurrogateKey => "surrogate key",
        ColumnRole.BusinessKey => "business key",
        _ => "plain attribute column",
    };

    public static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.Source => "[Source]",
        NodeKind.Staging => "[Staging]",
        NodeKind.Dimension => "[Dimension]",
        NodeKind.Fact => "[Fact]",
        NodeKind.SqlModel => "[SqlModel]",
        NodeKind.Analysis => "[Analysis]",
        _ => "[SingularTest]",
    };
}
