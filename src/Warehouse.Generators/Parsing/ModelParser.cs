using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing.ModelAttributes;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// Turns one attribute-annotated record into a <see cref="ParsedNode"/>, reading each modelling attribute as its own
/// type (<see cref="AttributeReader"/>). It looks only at that record (references
/// to other records are kept as type names for the resolver), so an edit re-parses only the edited record. It
/// never throws: an unexpected failure becomes WH0099 on the record.
/// </summary>
internal static class ModelParser
{
    public static ParsedNode? Parse(GeneratorAttributeSyntaxContext context, NodeKind kind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var state = new ParseState(type, context.SemanticModel, cancellationToken);
        try
        {
            return state.Parse(kind, context.Attributes[0]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var spec = new NodeSpec { Kind = kind, TypeName = TypeNameOf(type), Name = Naming.ToSnakeCase(type.Name), Schema = "invalid", Layer = LayerKind.Gold };
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, exception.GetType().Name + ": " + exception.Message);
            return new ParsedNode(spec, EquatableArray<KeyedLocation>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    /// <summary>The name references resolve by: the fully qualified C# name without <c>global::</c>.</summary>
    public static string TypeNameOf(ITypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);

    private sealed class ParseState
    {
        private readonly INamedTypeSymbol _type;
        private readonly SemanticModel _semanticModel;
        private readonly CancellationToken _cancellationToken;
        private readonly List<KeyedLocation> _locations = new();
        private readonly List<DiagnosticInfo> _diagnostics = new();

        /// <summary>An attribute of the record names a type that does not exist (the C# compiler reports it), so it read as absent.</summary>
        private bool _namesMissingType;

        public ParseState(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            _type = type;
            _semanticModel = semanticModel;
            _cancellationToken = cancellationToken;
        }

        public ParsedNode? Parse(NodeKind kind, AttributeData primary)
        {
            // The kind's own attribute decides the layer and completes the spec. When its arguments do not bind, the
            // C# compiler reports that at the attribute; WH0040 says the record is left out rather than guessed at,
            // and the node is kept, incomplete, so that what refers to it is not also reported.
            var layer = LayerKind.Gold;
            Func<NodeSpec, NodeSpec>? complete = null;
            switch (kind)
            {
                case NodeKind.Source when AttributeReader.Read<SourceAttribute>(primary) is { } source:
                    layer = LayerKind.Bronze;
                    complete = spec => ParseSource(spec, source);
                    break;
                case NodeKind.Staging when AttributeReader.Read<StagingAttribute>(primary) is { } staging:
                    layer = LayerKind.Silver;
                    complete = spec => spec with
                    {
                        UpstreamType = Reference(staging.Source),
                        Key = staging.Key,
                        Incremental = ModelEnums.ToSpec(staging.Incremental),
                        Rules = ParseRules().ToEquatableArray(),
                    };
                    break;
                case NodeKind.Dimension when AttributeReader.Read<DimensionAttribute>(primary) is { } dimension:
                    complete = spec => spec with
                    {
                        UpstreamType = Reference(dimension.Source),
                        Scd = ModelEnums.ToSpec(dimension.Scd),
                        DateColumn = dimension.DateColumn,
                        UnknownMember = dimension.UnknownMember,
                        ExpectedRows = ExpectedRows(dimension.ExpectedRows),
                        Hierarchies = ParseHierarchies().ToEquatableArray(),
                        Incremental = Incremental.Merge,
                    };
                    break;
                case NodeKind.Fact when AttributeReader.Read<FactAttribute>(primary) is { } fact:
                    complete = spec => spec with
                    {
                        UpstreamType = Reference(fact.Source),
                        Incremental = ModelEnums.ToSpec(fact.Incremental),
                        Grain = ParseGrain(),
                    };
                    break;
                case NodeKind.SqlModel when AttributeReader.Read<SqlModelAttribute>(primary) is { } model:
                    layer = ModelEnums.ToSpec(model.Layer);
                    complete = spec => spec with
                    {
                        Sql = ParseSql(primary, model.Sql),
                        MaterializeAsTable = model.Materialization == Materialization.Table,
                        Incremental = Incremental.FullRefresh,
                    };
                    break;
                case NodeKind.Analysis when AttributeReader.Read<AnalysisAttribute>(primary) is { } analysis:
                    complete = spec => spec with { Sql = ParseSql(primary, analysis.Sql) };
                    break;
                case NodeKind.SingularTest when AttributeReader.Read<SingularTestAttribute>(primary) is { } test:
                    complete = spec => spec with
                    {
                        Sql = ParseSql(primary, test.Sql),
                        WarnOnly = ModelEnums.WarnOnly(test.Severity),
                        Description = test.Description ?? spec.Description,
                    };
                    break;
            }

            AddLocation("node", _type.Locations.FirstOrDefault());
            AddLocation("attr", primary);
            var attributes = _type.GetAttributes();
            var incomplete = false;
            if (complete is null)
            {
                incomplete = true;
                layer = kind switch { NodeKind.Source => LayerKind.Bronze, NodeKind.Staging => LayerKind.Silver, _ => LayerKind.Gold };
                complete = static spec => spec;
                ReportUnbound(primary, $"'{_type.Name}' is left out of the warehouse");
            }

            if (FirstOtherKind(attributes, primary) is { } other)
            {
                incomplete = true;
                Report(DiagnosticDescriptors.ConflictingKinds, LocationOf("attr"), _type.Name, $"[{AttributeName(other)}]", $"[{AttributeName(primary)}]");
            }

            if (_type.IsGenericType)
            {
                incomplete = true;
                Report(DiagnosticDescriptors.GenericModel, LocationOf("node"), _type.Name);
            }

            CheckTypeAttributes(kind, attributes, primary);

            var table = AttributeReader.First<TableAttribute>(attributes);
            var name = table is { } named ? named.Attribute.Name ?? string.Empty : Naming.ToSnakeCase(_type.Name);
            var schema = kind switch
            {
                NodeKind.Analysis => "analysis",
                NodeKind.SingularTest => "test",
                _ => table?.Attribute.Schema ?? layer.ToString().ToLowerInvariant(),
            };
            if (table is { } declared) AddLocation("table", declared.Data);

            var spec = complete(new NodeSpec
            {
                Kind = kind,
                TypeName = TypeNameOf(_type),
                Name = name,
                Schema = schema,
                Layer = layer,
                Description = DescriptionOf(attributes),
                Tags = ParseTags(attributes),
                Columns = ParseColumns(kind).ToEquatableArray(),
            });
            spec = ParsePhysicalDesign(spec, attributes);

            if (spec.Columns.Count == 0 && kind is not (NodeKind.Analysis or NodeKind.SingularTest))
            {
                Report(DiagnosticDescriptors.NoColumns, LocationOf("attr"), _type.Name);
            }

            if (kind == NodeKind.Dimension)
            {
                CheckSingleKey(spec, ColumnRole.SurrogateKey, "[SurrogateKey]");
                CheckSingleKey(spec, ColumnRole.BusinessKey, "[BusinessKey]");
            }

            return new ParsedNode(spec, _locations.ToEquatableArray(), _diagnostics.ToEquatableArray()) { Incomplete = incomplete, Unsettled = _namesMissingType || AttributeReader.IsUnsettled(_type) };
        }

        /// <summary>The kind attribute before <paramref name="primary"/> of another kind, when the record has one (WH0049).</summary>
        private static AttributeData? FirstOtherKind(ImmutableArray<AttributeData> attributes, AttributeData primary)
        {
            var name = primary.AttributeClass?.ToDisplayString();
            foreach (var attribute in attributes)
            {
                if (Same(attribute, primary)) return null;
                var other = attribute.AttributeClass?.ToDisplayString();
                if (other != name && WarehouseGenerator.Kinds.Any(k => k.Attribute == other)) return attribute;
            }

            return null;
        }

        /// <summary>
        /// The record's own attributes: each Warehouse.Model attribute whose arguments do not bind is WH0040 (and read
        /// as absent), and an attribute this kind of model does not use says where it belongs.
        /// </summary>
        private void CheckTypeAttributes(NodeKind kind, ImmutableArray<AttributeData> attributes, AttributeData primary)
        {
            foreach (var attribute in attributes)
            {
                if (Same(attribute, primary) || !AttributeReader.IsModelAttribute(attribute)) continue;
                if (AttributeReader.UnboundReason(attribute) is not null)
                {
                    ReportUnbound(attribute, "it is ignored");
                    continue;
                }

                var misplaced = kind switch
                {
                    not NodeKind.Staging when AttributeReader.Is<RuleAttribute>(attribute) =>
                        (DiagnosticDescriptors.InvalidAttributeUse, $"[Rule] on '{_type.Name}' is never checked: rules belong on a [Staging] record, which quarantines the rows that break them"),
                    not NodeKind.Fact when AttributeReader.Is<GrainAttribute>(attribute) =>
                        (DiagnosticDescriptors.IneffectiveAttribute, kind == NodeKind.Dimension
                            ? $"[Grain] on '{_type.Name}' has no effect: a dimension's grain is its [BusinessKey]; [Grain] belongs on a [Fact] record"
                            : $"[Grain] on '{_type.Name}' has no effect: it belongs on a [Fact] record"),
                    not NodeKind.Dimension when AttributeReader.Is<HierarchyAttribute>(attribute) =>
                        (DiagnosticDescriptors.IneffectiveAttribute, $"[Hierarchy] on '{_type.Name}' has no effect: hierarchies belong on a [Dimension] record"),
                    _ => ((DiagnosticDescriptor?)null, string.Empty),
                };
                if (misplaced.Item1 is { } descriptor)
                {
                    Report(descriptor, LocationOfAttribute(attribute), misplaced.Item2);
                }
            }
        }

        /// <summary>A dimension has one surrogate key and one business key: the second of either is WH0047 at its property.</summary>
        private void CheckSingleKey(NodeSpec spec, ColumnRole role, string attribute)
        {
            var keys = spec.Columns.Where(c => c.Role == role).ToList();
            foreach (var duplicate in keys.Skip(1))
            {
                Report(DiagnosticDescriptors.DuplicateKey, LocationOf("prop:" + duplicate.PropertyName), _type.Name, keys[0].PropertyName, duplicate.PropertyName, attribute);
            }
        }

        /// <summary>WH0040 at <paramref name="attribute"/>, whose arguments do not bind; <paramref name="consequence"/> says what the generator does.</summary>
        private void ReportUnbound(AttributeData attribute, string consequence, string? owner = null)
        {
            // typeof(Mistyped): the C# compiler's "type not found" says all there is to say. The attribute reads as
            // absent meanwhile, so the record is not what its author wrote: it is unsettled, and nothing is emitted.
            if (AttributeReader.OnlyNamesMissingTypes(attribute))
            {
                _namesMissingType = true;
                return;
            }
            Report(
                DiagnosticDescriptors.IncompleteAttribute,
                LocationOfAttribute(attribute),
                AttributeName(attribute),
                owner ?? $"'{_type.Name}'",
                AttributeReader.UnboundReason(attribute) ?? "an argument has an unexpected type",
                consequence);
        }

        /// <summary>
        /// The name a reference resolves by. When the referenced type has a half-typed attribute, that is noted
        /// (<c>unsettled:NAME</c>), so that the resolver does not also report it as "not a warehouse model" here.
        /// </summary>
        private string? Reference(ModelTypeName? type)
        {
            if (type is { Unsettled: true } && LocationOf("node") is { } node) _locations.Add(new KeyedLocation("unsettled:" + type.FullName, node));
            return type?.FullName;
        }

        /// <summary>The same attribute application (the generator's context and the symbol may hold different instances).</summary>
        private static bool Same(AttributeData left, AttributeData right) =>
            left == right || (left.ApplicationSyntaxReference is { } a && right.ApplicationSyntaxReference is { } b && a.SyntaxTree == b.SyntaxTree && a.Span == b.Span);

        private static string AttributeName(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "attribute";
            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>
        /// The record's [Tag]s, each once. A tag is a word of letters, digits, '_', '-' and '.': the selector syntax
        /// must spell it (<c>tag:NAME</c> breaks at spaces and commas, and reads + and @ as graph operators), and it
        /// reaches dbt's YAML, which dbt renders as Jinja, so no brace, quote or other markup may pass.
        /// </summary>
        private EquatableArray<string> ParseTags(ImmutableArray<AttributeData> attributes)
        {
            var tags = new List<string>();
            int index = 0;
            foreach (var (tag, data) in AttributeReader.All<TagAttribute>(attributes))
            {
                var key = "tag:" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                AddLocation(key, data);
                var name = tag.Name ?? string.Empty;
                if (name.Length == 0 || !name.All(static c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.'))
                {
                    Report(DiagnosticDescriptors.InvalidTag, LocationOf(key), name, _type.Name);
                }
                else if (!tags.Contains(name))
                {
                    tags.Add(name);
                }
            }

            return tags.ToEquatableArray();
        }

        /// <summary>
        /// [Distribution] and [SortKey], as written: the resolver checks their columns and decides the defaults
        /// (Resolution/PhysicalDesign.cs). Only the tables the warehouse creates and loads have a physical layout.
        /// </summary>
        private NodeSpec ParsePhysicalDesign(NodeSpec spec, ImmutableArray<AttributeData> attributes)
        {
            var distribution = AttributeReader.First<DistributionAttribute>(attributes);
            var sortKey = AttributeReader.First<SortKeyAttribute>(attributes);
            if (distribution is { } d) AddLocation("distribution", d.Data);
            if (sortKey is { } k) AddLocation("sortkey", k.Data);
            if (spec.Kind is not (NodeKind.Staging or NodeKind.Dimension or NodeKind.Fact))
            {
                foreach (var (what, key) in new[] { (distribution is null ? null : "[Distribution]", "distribution"), (sortKey is null ? null : "[SortKey]", "sortkey") })
                {
                    if (what is not null)
                    {
                        Report(DiagnosticDescriptors.InvalidAttributeUse, LocationOf(key), $"{what} on '{_type.Name}', a {Resolution.WarehouseResolver.KindName(spec.Kind)}: only [Staging], [Dimension] and [Fact] tables have a distribution and a sort key");
                    }
                }

                return spec;
            }

            DistributionSpec? declared = null;
            if (distribution is { } declaredDistribution)
            {
                var style = declaredDistribution.Attribute.Style;
                var column = declaredDistribution.Attribute.Column;
                if (style == DistributionStyle.Key && string.IsNullOrEmpty(column))
                {
                    Report(DiagnosticDescriptors.InvalidDistribution, LocationOf("distribution"), _type.Name, "DistributionStyle.Key needs its column: write [Distribution(nameof(Column))]");
                }
                else
                {
                    declared = new DistributionSpec(ModelEnums.ToSpec(style), column);
                }
            }

            var sortColumns = new List<string>();
            if (sortKey is { } declaredSort)
            {
                var columns = Texts(declaredSort.Attribute.Columns).ToList();
                if (columns.Count == 0)
                {
                    Report(DiagnosticDescriptors.InvalidSortKey, LocationOf("sortkey"), _type.Name, "it names no column: write [SortKey(nameof(Column), ...)], most significant first");
                }

                foreach (var column in columns)
                {
                    if (sortColumns.Contains(column))
                    {
                        Report(DiagnosticDescriptors.InvalidSortKey, LocationOf("sortkey"), _type.Name, $"'{column}' is named twice");
                    }
                    else
                    {
                        sortColumns.Add(column);
                    }
                }
            }

            return spec with { Distribution = declared, SortKeys = sortColumns.ToEquatableArray() };
        }

        private long ExpectedRows(long declared)
        {
            if (declared < 0)
            {
                Report(DiagnosticDescriptors.InvalidRowCount, LocationOf("attr"), "ExpectedRows", _type.Name, declared.ToString(CultureInfo.InvariantCulture));
                return 0;
            }

            return declared;
        }

        private NodeSpec ParseSource(NodeSpec spec, SourceAttribute source)
        {
            var prefix = source.Prefix ?? string.Empty;
            var pattern = source.FilePattern ?? string.Empty;
            var delimiter = source.Delimiter;
            if (prefix.Length == 0 || prefix.StartsWith("/", StringComparison.Ordinal) || prefix.Contains("..") || prefix.Contains("\\") || !prefix.EndsWith("/", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.InvalidSourceFormat, LocationOf("attr"), _type.Name, $"prefix \"{prefix}\" must be a relative lake path ending in '/', such as \"landing/accounts/\"");
            }

            if (delimiter is '\n' or '\r' or '"' or '\'' or '\0')
            {
                Report(DiagnosticDescriptors.InvalidSourceFormat, LocationOf("attr"), _type.Name, "the delimiter cannot be a quote, a line break or NUL");
            }

            if (pattern.Length == 0 || pattern.Contains("/") || pattern.Contains("'"))
            {
                Report(DiagnosticDescriptors.InvalidSourceFormat, LocationOf("attr"), _type.Name, $"file pattern \"{pattern}\" must be a file name pattern such as \"*.csv\", without '/' or quotes");
            }

            return spec with { Format = new SourceFormatSpec(prefix, pattern, delimiter, source.Header) };
        }

        private List<ColumnSpec> ParseColumns(NodeKind kind)
        {
            var columns = new List<ColumnSpec>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in _type.GetMembers().OfType<IPropertySymbol>())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null)
                {
                    continue;
                }

                // A property declared twice (a record declared twice, or in two partial parts) is the C# compiler's
                // error (CS0101, CS0102); it is one column here, not a duplicate column per property.
                if (!seen.Add(property.Name)) continue;

                var column = ParseColumn(property, kind);
                if (column is not null) columns.Add(column);
            }

            return columns;
        }

        private ColumnSpec? ParseColumn(IPropertySymbol property, NodeKind kind)
        {
            var key = "prop:" + property.Name;
            AddLocation(key, property.Locations.FirstOrDefault());
            var attributes = property.GetAttributes();
            var columnAttribute = AttributeReader.First<ColumnAttribute>(attributes);
            var name = columnAttribute is { } named ? named.Attribute.Name ?? property.Name : Naming.ToSnakeCase(property.Name);
            if (columnAttribute is { } declared) AddLocation(key + ":Column", declared.Data);

            CheckPropertyAttributes(property, kind, attributes, key);
            var (type, nullable) = MapType(property, attributes);
            if (type is null)
            {
                Report(DiagnosticDescriptors.UnsupportedType, LocationOf(key), property.Name, property.Type.ToDisplayString());
                return null;
            }

            CheckTypeArguments(property, type, attributes);

            var role = ColumnRole.Attribute;
            string? referencedType = null;
            string? referenceOn = null;
            string? additivity = null;
            if (AttributeReader.Has<SurrogateKeyAttribute>(attributes)) role = ColumnRole.SurrogateKey;
            else if (AttributeReader.Has<BusinessKeyAttribute>(attributes)) role = ColumnRole.BusinessKey;
            else if (AttributeReader.Has<DegenerateKeyAttribute>(attributes)) role = ColumnRole.DegenerateKey;
            else if (AttributeReader.First<ReferencesAttribute>(attributes) is { } references)
            {
                role = ColumnRole.Reference;
                referencedType = Reference(references.Attribute.Dimension);
                referenceOn = references.Attribute.On;
                AddLocation(key + ":References", references.Data);
            }
            else if (AttributeReader.First<MeasureAttribute>(attributes) is { } measure)
            {
                role = ColumnRole.Measure;
                additivity = ModelEnums.ToSpec(measure.Attribute.Additivity);
            }

            CheckRoleFitsKind(property, kind, role, key);

            return new ColumnSpec
            {
                PropertyName = property.Name,
                Name = name,
                Type = type,
                Nullable = nullable,
                Description = DescriptionOf(attributes),
                Role = role,
                History = AttributeReader.Has<HistoryAttribute>(attributes),
                Additivity = additivity,
                ReferencedType = referencedType,
                ReferenceOn = referenceOn,
                Derived = ParseExpression<DerivedAttribute>(attributes, static a => a.Expression, key + ":Derived", "the derived expression"),
                Default = ParseExpression<DefaultAttribute>(attributes, static a => a.Expression, key + ":Default", "the default expression"),
                Trim = type.Kind == SqlTypeKind.Varchar && !AttributeReader.Has<NoTrimAttribute>(attributes),
                DeclaredTests = ParseColumnTests(attributes, key).ToEquatableArray(),
            };
        }

        /// <summary>
        /// The property's attributes: one whose arguments do not bind is WH0040 (read as absent; the column is marked
        /// unresolved so that lineage does not add a follow-on error), and one that this kind of model ignores says
        /// where it belongs (WH0020).
        /// </summary>
        private void CheckPropertyAttributes(IPropertySymbol property, NodeKind kind, ImmutableArray<AttributeData> attributes, string key)
        {
            foreach (var attribute in attributes)
            {
                if (!AttributeReader.IsModelAttribute(attribute)) continue;
                if (AttributeReader.UnboundReason(attribute) is not null)
                {
                    ReportUnbound(attribute, "it is ignored", $"'{property.Name}' of '{_type.Name}'");
                    AddLocation(key + ":unresolved", attribute);
                    continue;
                }

                string? misplaced = null;
                if (kind == NodeKind.Source && (AttributeReader.Is<DerivedAttribute>(attribute) || AttributeReader.Is<DefaultAttribute>(attribute)))
                {
                    misplaced = $"[{AttributeName(attribute)}] on '{property.Name}' of '{_type.Name}' is never computed: a bronze column is read as it lands; compute it in the [Staging] record that reads this source";
                }
                else if (kind == NodeKind.Source && attribute.AttributeClass?.BaseType?.ToDisplayString() == AttributeReader.MetadataName<ColumnTestAttribute>())
                {
                    misplaced = $"[{AttributeName(attribute)}] on '{property.Name}' of '{_type.Name}' is never tested: bronze is raw text, checked by silver; declare it on the column of the [Staging] record that reads this source";
                }
                else if (kind != NodeKind.Dimension && AttributeReader.Is<HistoryAttribute>(attribute))
                {
                    misplaced = $"[History] on '{property.Name}' of '{_type.Name}' keeps no history: it belongs on a column of a type-2 [Dimension]";
                }

                if (misplaced is not null) Report(DiagnosticDescriptors.InvalidAttributeUse, LocationOfAttribute(attribute), misplaced);
            }
        }

        /// <summary>[MaxLength] and [Precision] within what every dialect accepts (WH0041, WH0042), and only on the type they shape (WH0046).</summary>
        private void CheckTypeArguments(IPropertySymbol property, SqlType type, ImmutableArray<AttributeData> attributes)
        {
            if (AttributeReader.First<MaxLengthAttribute>(attributes) is { } maxLength)
            {
                var strictest = SqlDialect.Strictest(static d => d.MaxVarcharLength);
                if (type.Kind != SqlTypeKind.Varchar)
                {
                    Report(DiagnosticDescriptors.IneffectiveAttribute, LocationOfAttribute(maxLength.Data), $"[MaxLength] on '{property.Name}' has no effect: it sets the length of a string property's VARCHAR");
                }
                else if (maxLength.Attribute.Length < 1 || maxLength.Attribute.Length > strictest.MaxVarcharLength)
                {
                    Report(DiagnosticDescriptors.InvalidMaxLength, LocationOfAttribute(maxLength.Data), Int(maxLength.Attribute.Length), property.Name, Int(strictest.MaxVarcharLength), strictest.DisplayName);
                }
            }

            if (AttributeReader.First<PrecisionAttribute>(attributes) is { } declared)
            {
                var (precision, scale) = (declared.Attribute.Precision, declared.Attribute.Scale);
                var strictest = SqlDialect.Strictest(static d => d.MaxDecimalPrecision);
                string? wrong = null;
                if (type.Kind != SqlTypeKind.Decimal)
                {
                    Report(DiagnosticDescriptors.IneffectiveAttribute, LocationOfAttribute(declared.Data), $"[Precision] on '{property.Name}' has no effect: it sets the precision of a decimal property's DECIMAL");
                }
                else if (precision < 1 || precision > strictest.MaxDecimalPrecision)
                {
                    wrong = $"the precision (digits in all) is 1 to {Int(strictest.MaxDecimalPrecision)} in every dialect ({strictest.DisplayName}'s limit)";
                }
                else if (scale < 0 || scale > precision)
                {
                    wrong = $"the scale (digits after the point) is 0 to the precision, {Int(precision)}";
                }

                if (wrong is not null) Report(DiagnosticDescriptors.InvalidPrecision, LocationOfAttribute(declared.Data), Int(precision), Int(scale), property.Name, wrong);
            }
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private void CheckRoleFitsKind(IPropertySymbol property, NodeKind kind, ColumnRole role, string key)
        {
            var misplaced = role switch
            {
                ColumnRole.SurrogateKey or ColumnRole.BusinessKey when kind != NodeKind.Dimension => "[SurrogateKey] and [BusinessKey] belong on a [Dimension] record",
                ColumnRole.Reference or ColumnRole.DegenerateKey or ColumnRole.Measure when kind != NodeKind.Fact => "[References], [DegenerateKey] and [Measure] belong on a [Fact] record",
                _ => null,
            };
            if (misplaced is not null)
            {
                Report(DiagnosticDescriptors.InvalidAttributeUse, LocationOf(key), $"Property '{property.Name}' of '{_type.Name}': {misplaced}");
            }
        }

        private static (SqlType? Type, bool Nullable) MapType(IPropertySymbol property, ImmutableArray<AttributeData> attributes)
        {
            ITypeSymbol type = property.Type;
            bool nullable;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                type = wrapper.TypeArguments[0];
                nullable = true;
            }
            else
            {
                // In a nullable-oblivious context a reference type may hold null, so it maps to a NULL-able column.
                nullable = type.IsReferenceType && property.NullableAnnotation != NullableAnnotation.NotAnnotated;
            }

            SqlType? sqlType = type.SpecialType switch
            {
                SpecialType.System_Int64 => new SqlType(SqlTypeKind.BigInt),
                SpecialType.System_Int32 => new SqlType(SqlTypeKind.Integer),
                SpecialType.System_Int16 => new SqlType(SqlTypeKind.SmallInt),
                SpecialType.System_Decimal => DecimalType(attributes),
                SpecialType.System_Double => new SqlType(SqlTypeKind.Double),
                SpecialType.System_Single => new SqlType(SqlTypeKind.Real),
                SpecialType.System_Boolean => new SqlType(SqlTypeKind.Boolean),
                SpecialType.System_String => new SqlType(SqlTypeKind.Varchar, Length: MaxLengthOf(attributes)),
                SpecialType.System_DateTime => new SqlType(SqlTypeKind.Timestamp),
                _ => TypeNameOf(type) switch
                {
                    "System.DateOnly" => new SqlType(SqlTypeKind.Date),
                    "System.DateTimeOffset" => new SqlType(SqlTypeKind.Timestamp),
                    _ => null,
                },
            };
            return (sqlType, nullable);
        }

        /// <summary>
        /// The declared DECIMAL; an invalid precision or scale (WH0042 at the attribute) reads as the default, so that
        /// what reads the column is checked against a type that exists, not told again of the same mistake.
        /// </summary>
        private static SqlType DecimalType(ImmutableArray<AttributeData> attributes) =>
            AttributeReader.First<PrecisionAttribute>(attributes) is { } precision
                && precision.Attribute.Precision >= 1 && precision.Attribute.Precision <= SqlDialect.Strictest(static d => d.MaxDecimalPrecision).MaxDecimalPrecision
                && precision.Attribute.Scale >= 0 && precision.Attribute.Scale <= precision.Attribute.Precision
                ? new SqlType(SqlTypeKind.Decimal, Precision: precision.Attribute.Precision, Scale: precision.Attribute.Scale)
                : new SqlType(SqlTypeKind.Decimal, Precision: PrecisionAttribute.DefaultPrecision, Scale: PrecisionAttribute.DefaultScale);

        private static int MaxLengthOf(ImmutableArray<AttributeData> attributes) =>
            AttributeReader.First<MaxLengthAttribute>(attributes)?.Attribute.Length ?? MaxLengthAttribute.DefaultLength;

        private Expr? ParseExpression<TAttribute>(ImmutableArray<AttributeData> attributes, Func<TAttribute, string> text, string key, string what)
            where TAttribute : Attribute
        {
            if (AttributeReader.First<TAttribute>(attributes) is not { } attribute) return null;
            AddLocation(key, attribute.Data);
            return ParseExpressionText(text(attribute.Attribute), key, what);
        }

        private Expr? ParseExpressionText(string? text, string key, string what)
        {
            var outcome = ExpressionParser.Parse(text);
            if (outcome.Expression is null)
            {
                // A column whose expression is wrong has one error: lineage must not also report it as unread (WH0015).
                if (LocationOf(key) is { } location) _locations.Add(new KeyedLocation(UnresolvedKey(key), location));
                switch (outcome.Limit)
                {
                    case ExpressionLimit.Depth:
                        Report(DiagnosticDescriptors.ExpressionTooDeep, LocationOf(key), Capitalized(what), Int(ExpressionParser.MaxDepth));
                        break;
                    case ExpressionLimit.Length:
                        Report(DiagnosticDescriptors.ExpressionTooLarge, LocationOf(key), Capitalized(what), Int(text?.Length ?? 0), Int(ExpressionParser.MaxLength));
                        break;
                    default:
                        Report(DiagnosticDescriptors.UnparseableExpression, LocationOf(key), what, text ?? string.Empty, outcome.Error ?? "unknown error", (outcome.ErrorOffset + 1).ToString(CultureInfo.InvariantCulture));
                        break;
                }
            }

            return outcome.Expression;
        }

        /// <summary><c>prop:X:Derived</c> → <c>prop:X:unresolved</c>: the key lineage checks before reporting a column it cannot read.</summary>
        private static string UnresolvedKey(string key) =>
            key.StartsWith("prop:", StringComparison.Ordinal) && key.IndexOf(':', 5) is var end and > 0 ? key.Substring(0, end) + ":unresolved" : key + ":unresolved";

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>The column tests declared on a property, in declaration order.</summary>
        private List<ColumnTestSpec> ParseColumnTests(ImmutableArray<AttributeData> attributes, string key)
        {
            var tests = new List<ColumnTestSpec>();
            foreach (var attribute in attributes)
            {
                ColumnTestSpec? test = null;
                if (AttributeReader.Is<UniqueAttribute>(attribute) && AttributeReader.Read<UniqueAttribute>(attribute) is { } unique)
                {
                    test = Declared(TestKind.Unique, unique);
                }
                else if (AttributeReader.Is<NotNullAttribute>(attribute) && AttributeReader.Read<NotNullAttribute>(attribute) is { } notNull)
                {
                    test = Declared(TestKind.NotNull, notNull);
                }
                else if (AttributeReader.Is<AcceptedValuesAttribute>(attribute) && AttributeReader.Read<AcceptedValuesAttribute>(attribute) is { } accepted)
                {
                    test = Declared(TestKind.AcceptedValues, accepted) with { Values = Texts(accepted.Values).ToEquatableArray() };
                    if (test.Values.Count == 0) Report(DiagnosticDescriptors.EmptyAcceptedValues, LocationOfAttribute(attribute), PropertyOf(key));
                }
                else if (AttributeReader.Is<RangeAttribute>(attribute) && AttributeReader.Read<RangeAttribute>(attribute) is { } range)
                {
                    test = Declared(TestKind.Range, range) with { Min = Number(range.Min), Max = Number(range.Max) };
                    var wrong = IsFinite(range.Min) && IsFinite(range.Max)
                        ? range.Min > range.Max ? "the minimum is above the maximum, so no value is in it" : null
                        : "both bounds must be finite numbers (not NaN or infinity), which SQL can compare";
                    if (wrong is not null) Report(DiagnosticDescriptors.InvalidRange, LocationOfAttribute(attribute), test.Min!, test.Max!, PropertyOf(key), wrong);
                }
                else if (AttributeReader.Is<RelationshipAttribute>(attribute) && AttributeReader.Read<RelationshipAttribute>(attribute) is { } relationship)
                {
                    AddLocation(key + ":Relationship", attribute);
                    test = Declared(TestKind.Relationships, relationship) with { RelatedType = Reference(relationship.Model), RelatedColumn = relationship.Column };
                }

                if (test is not null) tests.Add(test);
            }

            return tests;
        }

        private static ColumnTestSpec Declared(TestKind kind, ColumnTestAttribute attribute) =>
            new(kind, ModelEnums.WarnOnly(attribute.Severity), EquatableArray<string>.Empty, null, null, null, null);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        private static string PropertyOf(string key) => key.Substring("prop:".Length);

        private List<RuleSpec> ParseRules()
        {
            var rules = new List<RuleSpec>();
            foreach (var (rule, data) in AttributeReader.All<RuleAttribute>(_type.GetAttributes()))
            {
                var name = rule.Name ?? string.Empty;
                var key = "rule:" + name;
                if (rules.Any(r => r.Name == name))
                {
                    Report(DiagnosticDescriptors.DuplicateRule, LocationOfAttribute(data), _type.Name, name);
                    continue;
                }

                AddLocation(key, data);
                var condition = rule.Condition ?? string.Empty;
                rules.Add(new RuleSpec(name, condition, rule.Reason ?? string.Empty)
                {
                    Parsed = ParseExpressionText(condition, key, $"the condition of rule '{name}'"),
                });
            }

            return rules;
        }

        private List<HierarchySpec> ParseHierarchies()
        {
            var hierarchies = new List<HierarchySpec>();
            foreach (var (hierarchy, data) in AttributeReader.All<HierarchyAttribute>(_type.GetAttributes()))
            {
                var name = hierarchy.Name ?? string.Empty;
                AddLocation("hierarchy:" + name, data);
                hierarchies.Add(new HierarchySpec(name, Texts(hierarchy.Levels).ToEquatableArray()));
            }

            return hierarchies;
        }

        private GrainSpec? ParseGrain()
        {
            if (AttributeReader.First<GrainAttribute>(_type.GetAttributes()) is not { } grain) return null;
            AddLocation("grain", grain.Data);
            return new GrainSpec(grain.Attribute.Description ?? string.Empty, Texts(grain.Attribute.Members).ToEquatableArray());
        }

        /// <summary>
        /// Reads a SQL body. Inside a constant interpolated string, each <c>{nameof(Model)}</c> hole is a typed
        /// reference (resolved by symbol, so renames refactor it); any other hole is constant text. A plain string is
        /// taken as <paramref name="sql"/>, the attribute's value. Where the body is written in place, the node also
        /// keeps where each of its characters is (<see cref="SqlBodyLocations"/>), for the SQL front end's diagnostics.
        /// </summary>
        private EquatableArray<SqlPart> ParseSql(AttributeData attribute, string? sql)
        {
            AddLocation("sql", attribute);
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
            var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;
            if (argument is not null) _locations.AddRange(SqlBodyLocations.Map(argument, hole => HolePart(hole).Text));
            if (argument is InterpolatedStringExpressionSyntax interpolated)
            {
                var parts = new List<SqlPart>();
                foreach (var content in interpolated.Contents)
                {
                    switch (content)
                    {
                        case InterpolatedStringTextSyntax text:
                            parts.Add(new SqlPart(SqlBodyLocations.TextOf(interpolated, text), null));
                            break;
                        case InterpolationSyntax hole when NameofTarget(hole.Expression) is { } target:
                            parts.Add(new SqlPart(target.Name, Reference(new ModelTypeName(TypeNameOf(target), AttributeReader.IsUnsettled(target)))));
                            break;
                        case InterpolationSyntax hole:
                            parts.Add(HolePart(hole));
                            break;
                    }
                }

                return CheckNotEmpty(attribute, Merge(parts).ToEquatableArray());
            }

            return CheckNotEmpty(attribute, new[] { new SqlPart(sql ?? string.Empty, null) }.ToEquatableArray());
        }

        /// <summary>A SQL body of nothing but white space would render an empty statement: WH0045.</summary>
        private EquatableArray<SqlPart> CheckNotEmpty(AttributeData attribute, EquatableArray<SqlPart> parts)
        {
            if (parts.All(static p => p.ReferencedType is null && p.Text.Trim().Length == 0))
            {
                Report(DiagnosticDescriptors.EmptySql, LocationOf("sql"), AttributeName(attribute), _type.Name);
            }

            return parts;
        }

        /// <summary>A hole of a SQL body: a typed reference for <c>{nameof(Model)}</c>, else its constant text.</summary>
        private SqlPart HolePart(InterpolationSyntax hole)
        {
            if (NameofTarget(hole.Expression) is { } target) return new SqlPart(target.Name, TypeNameOf(target));
            var value = _semanticModel.GetConstantValue(hole.Expression, _cancellationToken);
            return new SqlPart(value.HasValue ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty, null);
        }

        private ITypeSymbol? NameofTarget(ExpressionSyntax expression)
        {
            if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation
                && invocation.ArgumentList.Arguments.Count == 1)
            {
                var symbol = _semanticModel.GetSymbolInfo(invocation.ArgumentList.Arguments[0].Expression, _cancellationToken).Symbol;
                return symbol as ITypeSymbol;
            }

            return null;
        }

        private static IEnumerable<SqlPart> Merge(List<SqlPart> parts)
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                if (part.ReferencedType is null)
                {
                    text.Append(part.Text);
                    continue;
                }

                if (text.Length > 0) yield return new SqlPart(text.ToString(), null);
                text.Clear();
                yield return part;
            }

            if (text.Length > 0) yield return new SqlPart(text.ToString(), null);
        }

        private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? LocationOf("node"), arguments));

        private LocationInfo? LocationOf(string key) => _locations.FirstOrDefault(l => l.Key == key)?.Location;

        private void AddLocation(string key, Location? location)
        {
            var info = LocationInfo.From(location);
            if (info is not null) _locations.Add(new KeyedLocation(key, info));
        }

        private void AddLocation(string key, AttributeData attribute) =>
            AddLocation(key, attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation());

        private LocationInfo? LocationOfAttribute(AttributeData attribute) =>
            LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation());
    }

    private static string? DescriptionOf(ImmutableArray<AttributeData> attributes) =>
        AttributeReader.First<DescriptionAttribute>(attributes)?.Attribute.Text;

    /// <summary>A params string[] argument: null (as in <c>null!</c>) reads as none, a null item as empty text.</summary>
    private static IEnumerable<string> Texts(string[]? values) =>
        values is null ? Enumerable.Empty<string>() : values.Select(static v => v ?? string.Empty);
}
