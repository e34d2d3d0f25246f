using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Output;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// Checks the model across records and fills in every spec's resolved fields (upstream tables, column lineage,
/// dimension lookups, generic tests, dependencies), so that each node can then be rendered on its own. This class
/// finds the records a node names and checks their kinds; the policies are their own rooms, each testable on
/// hand-built specs: <see cref="Lineage"/>, <see cref="ScdPolicy"/>, <see cref="TestDerivation"/>, <see cref="Cycles"/>.
/// </summary>
internal sealed class WarehouseResolver
{
    private readonly Dictionary<string, ParsedNode> _byType = new(StringComparer.Ordinal);
    private readonly DiagnosticSink _sink = new();

    /// <summary>
    /// A reference was left unreported because it names a type the C# compiler could not bind (its CS error says so).
    /// The model is then not consistent, though no WH error says so: the emitters must not see it. (Checks withheld
    /// because a record's own file does not parse need no flag: that record is <see cref="ParsedNode.Unsettled"/>.)
    /// </summary>
    private bool _withheld;

    private WarehouseResolver(IEnumerable<ParsedNode> nodes)
    {
        foreach (var node in nodes)
        {
            // A record marked as two kinds is found by its first, complete, node.
            if (!_byType.TryGetValue(node.Spec.TypeName, out var known) || (known.Incomplete && !node.Incomplete))
            {
                _byType[node.Spec.TypeName] = node;
            }
        }
    }

    public static ResolvedWarehouse Resolve(string project, ImmutableArray<ParsedNode> parsed, ModelDefaults defaults)
    {
        // A record declared twice with its kind attribute on both (duplicate or partial declarations) parses twice;
        // the C# compiler reports the duplicate (CS0101, CS0579), so it is one node here.
        parsed = parsed.GroupBy(static n => (n.Spec.TypeName, n.Spec.Kind)).Select(static g => g.First()).ToImmutableArray();
        var resolver = new WarehouseResolver(parsed);
        try
        {
            return resolver.Run(project, parsed, defaults);
        }
        catch (Exception exception)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, project, exception.GetType().Name + ": " + exception.Message);
            return new ResolvedWarehouse(project, EquatableArray<NodeSpec>.Empty, new[] { diagnostic }.ToEquatableArray()) { Names = NamesOf(parsed) };
        }
    }

    /// <summary>Every node's name, for <c>WarehouseModel</c>, which exists even when the model has errors.</summary>
    private static EquatableArray<NodeName> NamesOf(IEnumerable<ParsedNode> parsed) =>
        parsed.Select(static n => new NodeName(n.Spec.Schema, n.Spec.Name, ManifestEmitter.IdOf(n.Spec)))
            .GroupBy(static n => n.Id, StringComparer.Ordinal).Select(static g => g.First())
            .OrderBy(static n => n.Id, StringComparer.Ordinal)
            .ToEquatableArray();

    private ResolvedWarehouse Run(string project, ImmutableArray<ParsedNode> parsed, ModelDefaults defaults)
    {
        _sink.AddRange(defaults.Diagnostics);
        foreach (var node in parsed)
        {
            _sink.AddRange(node.Diagnostics);
        }

        CheckDuplicateTables(parsed);
        CheckGeneratedNames(parsed);
        var resolved = new List<NodeSpec>();
        foreach (var node in parsed.OrderBy(n => n.Spec.Id, StringComparer.Ordinal).ThenBy(n => n.Spec.TypeName, StringComparer.Ordinal))
        {
            CheckIdentifiers(node);
            resolved.Add(node.Incomplete ? node.Spec : ResolveNode(node));
        }

        CheckCycles(resolved);
        resolved = ColumnLineage.Apply(resolved);
        resolved = PhysicalDesign.Apply(resolved, defaults.AllBelowRows, (spec, key) => _byType[spec.TypeName].FindFirst(key), _sink);
        var diagnostics = _sink.Diagnostics
            .OrderBy(d => d.Location?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.TextSpan.Start ?? 0)
            .ThenBy(d => d.Descriptor.Id, StringComparer.Ordinal)
            .Distinct()
            .ToEquatableArray();
        // A warning (WH0028, WH0046) leaves the model consistent; errors, and checks withheld behind C# errors (an
        // unsettled record, a reference to an unbound type), stop the emitters. An incomplete node has its WH0040.
        var consistent = !_withheld && !parsed.Any(static n => n.Unsettled)
            && !diagnostics.Any(static d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var nodes = consistent ? resolved.ToEquatableArray() : EquatableArray<NodeSpec>.Empty;
        return new ResolvedWarehouse(project, nodes, diagnostics) { Names = NamesOf(parsed) };
    }

    /// <summary>
    /// Two tables whose names differ in SQL but not in <c>WarehouseModel.Nodes</c> (<c>dim__x</c> and <c>dim_x</c> are
    /// both <c>DimX</c>): WH0054 at the second, which the generated class leaves out.
    /// </summary>
    private void CheckGeneratedNames(ImmutableArray<ParsedNode> parsed)
    {
        var byMember = new Dictionary<(string, string), ParsedNode>();
        foreach (var node in parsed.GroupBy(static n => n.Spec.Id, StringComparer.Ordinal).Select(static g => g.First())
                     .OrderBy(static n => n.Spec.Id, StringComparer.Ordinal))
        {
            var member = CSharpEmitter.MemberOf(node.Spec.Schema, node.Spec.Name);
            if (byMember.TryGetValue(member, out var first))
            {
                Report(DiagnosticDescriptors.CollidingNames, node.FindFirst("table"), node.Spec.Id, member.Member, member.Class, first.Spec.Id);
            }
            else
            {
                byMember[member] = node;
            }
        }
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
        NodeKind.Source => node.Spec with { Tests = Tests(node, node.Spec) },
        NodeKind.Staging => ResolveStaging(node),
        NodeKind.Dimension => ResolveDimension(node),
        NodeKind.Fact => ResolveFact(node),
        _ => ResolveSql(node),
    };

    private NodeSpec ResolveStaging(ParsedNode node)
    {
        var spec = node.Spec;
        var upstream = Upstream(node, NodeKind.Source, "[Source]");
        var columns = spec.Columns.Select(c => upstream is null ? c : Lineage.Resolve(node, c, upstream.Spec, LineageSink(upstream))).ToList();
        string? key = null;
        if (spec.Key is not null)
        {
            key = Lineage.ColumnName(spec, spec.Key);
            if (key is null) _sink.UnknownColumn(node.FindFirst("attr"), "Key", spec.Key, spec);
        }
        else if (spec.Incremental is Incremental.Merge or Incremental.DeleteInsert)
        {
            Report(DiagnosticDescriptors.MissingIncrementalKey, node.FindFirst("attr"), spec.TypeName, spec.Incremental.ToString());
        }

        var rules = spec.Rules.Select(rule => rule.Parsed is null ? rule : rule with
        {
            Parsed = Lineage.Bind(rule.Parsed, spec, ExpressionUse.Condition, node.FindFirst("rule:" + rule.Name), $"Rule '{rule.Name}'", _sink),
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
        return resolved with { Tests = Tests(node, resolved) };
    }

    private NodeSpec ResolveDimension(ParsedNode node)
    {
        var spec = node.Spec;
        var upstream = Upstream(node, NodeKind.Staging, "[Staging]");
        var columns = spec.Columns.Select(c => c.Role == ColumnRole.SurrogateKey || upstream is null ? c : Lineage.Resolve(node, c, upstream.Spec, LineageSink(upstream))).ToList();
        if (!columns.Any(c => c.Role == ColumnRole.SurrogateKey))
        {
            Report(DiagnosticDescriptors.MissingSurrogateKey, node.FindFirst("attr"), spec.TypeName, spec.Name.StartsWith("dim_", StringComparison.Ordinal) ? Naming.Singular(Naming.ToPascalCase(spec.Name.Substring(4))) : "Member");
        }

        if (!columns.Any(c => c.Role == ColumnRole.BusinessKey))
        {
            Report(DiagnosticDescriptors.MissingBusinessKey, node.FindFirst("attr"), spec.TypeName, ScdPolicy.IsType2(spec) ? "a type-2 dimension" : "a dimension");
        }

        columns = ScdPolicy.WithHistory(spec, columns);

        string? dateColumn = null;
        if (spec.DateColumn is not null)
        {
            var date = Lineage.FindColumn(spec, spec.DateColumn);
            if (date is null || date.Type.Kind != SqlTypeKind.Date)
            {
                _sink.UnknownColumn(node.FindFirst("attr"), "DateColumn (a DateOnly property)", spec.DateColumn, spec);
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
                var name = Lineage.ColumnName(spec, level);
                if (name is null) _sink.UnknownColumn(node.FindFirst("hierarchy:" + hierarchy.Name), $"Hierarchy '{hierarchy.Name}'", level, spec);
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
        return resolved with { Tests = Tests(node, resolved) };
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
                columns.Add(upstream is null ? column : Lineage.Resolve(node, column, upstream.Spec, LineageSink(upstream)));
                continue;
            }

            var location = node.FindFirst("prop:" + column.PropertyName + ":References", "prop:" + column.PropertyName);
            var dimension = Referenced(node, column.ReferencedType, location, $"[References] on '{column.PropertyName}'", NodeKind.Dimension, "[Dimension]");
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
            var on = Lineage.FindColumn(upstream.Spec, onName);
            if (on is null)
            {
                LineageSink(upstream).UnknownColumn(location, $"[References] on '{column.PropertyName}' (On)", onName, upstream.Spec);
                columns.Add(column);
                continue;
            }

            if (on.Type.Kind != business.Type.Kind)
            {
                Report(DiagnosticDescriptors.KeyTypeMismatch, location, $"{upstream.Spec.TypeName}.{on.PropertyName}", on.Type.ToString(), $"the business key {dimension.Spec.TypeName}.{business.PropertyName}", business.Type.ToString());
            }

            var isCalendar = dimension.Spec.DateColumn is not null;
            var dateColumn = isCalendar ? Lineage.FindColumn(dimension.Spec, dimension.Spec.DateColumn!)?.Name : null;
            if (isCalendar && eventDate is null) eventDate = column.Name;
            columns.Add(column with
            {
                UpstreamColumn = on.Name,
                Lookup = new DimensionLookup(new TableRef(dimension.Spec.Schema, dimension.Spec.Name), surrogate.Name, business.Name, on.Name, ScdPolicy.IsType2(dimension.Spec), dateColumn),
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
                var column = Lineage.FindColumn(spec, member);
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
        return resolved with { Tests = Tests(node, resolved) };
    }

    private NodeSpec ResolveSql(ParsedNode node)
    {
        var spec = node.Spec;
        var dependsOn = new SortedSet<string>(StringComparer.Ordinal);
        var parts = new List<SqlPart>();
        var targets = new Dictionary<int, NodeSpec>();
        var unresolved = false;
        var unsettled = false;
        foreach (var part in spec.Sql)
        {
            if (part.ReferencedType is null)
            {
                parts.Add(part);
                continue;
            }

            var target = Referenced(node, part.ReferencedType, node.FindFirst("sql"), $"the SQL of '{spec.TypeName}'", null, "[Source], [Staging], [Dimension], [Fact] or [SqlModel]");
            if (target is null)
            {
                unresolved = true;
                parts.Add(part);
                continue;
            }

            unsettled |= target.Unsettled;
            dependsOn.Add(target.Spec.Id);
            targets[parts.Count] = target.Spec;
            parts.Add(part with { Target = TableOf(target.Spec) });
        }

        var resolved = spec with { Sql = parts.ToEquatableArray(), DependsOn = dependsOn.ToEquatableArray() };
        // A body that names a model that does not resolve is not bound: its columns would all be reported unknown.
        // A body over a model whose file does not parse is checked against what the compiler recovered of it, so what
        // it finds goes nowhere until that file compiles (LineageSink).
        if (!unresolved)
        {
            var sink = unsettled ? new DiagnosticSink() : _sink;
            var outputs = SqlBodies.Check(node, resolved, part => targets.TryGetValue(part, out var target) ? target : null, sink);
            if (outputs is not null) resolved = ColumnLineage.WithSqlReads(resolved, outputs);
        }

        return resolved with { Tests = Tests(node, resolved) };
    }

    /// <summary>A reference to another node's table, marked when it is a bronze source.</summary>
    private static TableRef TableOf(NodeSpec spec) => new(spec.Schema, spec.Name) { IsSource = spec.Kind == NodeKind.Source };

    /// <summary>The node's generic tests; a declared [Relationship] is looked up here (WH0001/WH0002/WH0011 when it names nothing).</summary>
    private EquatableArray<TestSpec> Tests(ParsedNode node, NodeSpec spec) =>
        TestDerivation.Derive(spec, (column, declared) =>
        {
            var location = node.FindFirst("prop:" + column.PropertyName + ":Relationship", "prop:" + column.PropertyName);
            var target = Referenced(node, declared.RelatedType, location, $"[Relationship] on '{column.PropertyName}'", null, "a model attribute");
            if (target is null) return null;
            var targetColumn = declared.RelatedColumn is null ? null : Lineage.FindColumn(target.Spec, declared.RelatedColumn);
            if (targetColumn is null)
            {
                _sink.UnknownColumn(location, $"[Relationship] on '{column.PropertyName}'", declared.RelatedColumn ?? string.Empty, target.Spec);
                return null;
            }

            return new RelationshipTarget(new TableRef(target.Spec.Schema, target.Spec.Name), targetColumn.Name);
        }).ToEquatableArray();

    private ParsedNode? Upstream(ParsedNode node, NodeKind expected, string expectedAttribute) =>
        Referenced(node, node.Spec.UpstreamType, node.FindFirst("attr"), $"'{node.Spec.TypeName}'", expected, expectedAttribute);

    /// <summary>
    /// Looks a record that <paramref name="node"/> references up and checks its kind; reports WH0053/WH0001/WH0002 and
    /// returns null when wrong. It is silent only where the cause is reported elsewhere: the target is incomplete
    /// (its own WH error), or carries a half-typed attribute (the C# error there).
    /// </summary>
    private ParsedNode? Referenced(ParsedNode node, string? typeName, LocationInfo? location, string referrer, NodeKind? expected, string expectedAttribute)
    {
        if (typeName is null)
        {
            Report(DiagnosticDescriptors.MissingReference, location, referrer);
            return null;
        }

        if (!_byType.TryGetValue(typeName, out var target))
        {
            if (node.Find("unsettled:" + typeName) is not null)
            {
                _withheld = true;
                return null;
            }
            Report(DiagnosticDescriptors.UnknownReference, location, typeName, referrer, expectedAttribute);
            return null;
        }

        if (target.Incomplete) return null; // the target has reported why it is not part of the model

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
        var typeOf = nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().TypeName, StringComparer.Ordinal);
        foreach (var (id, path) in Cycles.Find(nodes))
        {
            if (_byType.TryGetValue(typeOf[id], out var parsed))
            {
                Report(DiagnosticDescriptors.Cycle, parsed.FindFirst("sql", "attr"), typeOf[id], string.Join(" -> ", path));
            }
        }
    }

    /// <summary>
    /// Where what a node finds missing in <paramref name="upstream"/> goes: nowhere while the upstream's file does not
    /// parse (its columns are what the C# compiler recovered, and its C# errors come first), else to the sink.
    /// </summary>
    private DiagnosticSink LineageSink(ParsedNode upstream) => upstream.Unsettled ? new DiagnosticSink() : _sink;

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _sink.Report(descriptor, location, arguments);

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
