using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Diagnostics;
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

        public ParseState(INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            _type = type;
            _semanticModel = semanticModel;
            _cancellationToken = cancellationToken;
        }

        public ParsedNode? Parse(NodeKind kind, AttributeData primary)
        {
            // The kind's own attribute decides the layer and completes the spec. When its arguments do not bind, the
            // C# compiler reports that at the attribute, and the record is left out rather than guessed at.
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
                        UpstreamType = staging.Source?.FullName,
                        Key = staging.Key,
                        Incremental = ModelEnums.ToSpec(staging.Incremental),
                        Rules = ParseRules().ToEquatableArray(),
                    };
                    break;
                case NodeKind.Dimension when AttributeReader.Read<DimensionAttribute>(primary) is { } dimension:
                    complete = spec => spec with
                    {
                        UpstreamType = dimension.Source?.FullName,
                        Scd = ModelEnums.ToSpec(dimension.Scd),
                        DateColumn = dimension.DateColumn,
                        UnknownMember = dimension.UnknownMember,
                        Hierarchies = ParseHierarchies().ToEquatableArray(),
                        Incremental = Incremental.Merge,
                    };
                    break;
                case NodeKind.Fact when AttributeReader.Read<FactAttribute>(primary) is { } fact:
                    complete = spec => spec with
                    {
                        UpstreamType = fact.Source?.FullName,
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

            if (complete is null) return null;
            AddLocation("node", _type.Locations.FirstOrDefault());
            AddLocation("attr", primary);

            var attributes = _type.GetAttributes();
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

            if (spec.Columns.Count == 0 && kind is not (NodeKind.Analysis or NodeKind.SingularTest))
            {
                Report(DiagnosticDescriptors.NoColumns, LocationOf("attr"), _type.Name);
            }

            return new ParsedNode(spec, _locations.ToEquatableArray(), _diagnostics.ToEquatableArray());
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
            foreach (var property in _type.GetMembers().OfType<IPropertySymbol>())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null)
                {
                    continue;
                }

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

            var (type, nullable) = MapType(property, attributes);
            if (type is null)
            {
                Report(DiagnosticDescriptors.UnsupportedType, LocationOf(key), property.Name, property.Type.ToDisplayString());
                return null;
            }

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
                referencedType = references.Attribute.Dimension?.FullName;
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

        private static SqlType DecimalType(ImmutableArray<AttributeData> attributes) =>
            AttributeReader.First<PrecisionAttribute>(attributes) is { } precision
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
                Report(DiagnosticDescriptors.UnparseableExpression, LocationOf(key), what, text ?? string.Empty, outcome.Error ?? "unknown error", (outcome.ErrorOffset + 1).ToString(CultureInfo.InvariantCulture));
            }

            return outcome.Expression;
        }

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
                }
                else if (AttributeReader.Is<RangeAttribute>(attribute) && AttributeReader.Read<RangeAttribute>(attribute) is { } range)
                {
                    test = Declared(TestKind.Range, range) with { Min = Number(range.Min), Max = Number(range.Max) };
                }
                else if (AttributeReader.Is<RelationshipAttribute>(attribute) && AttributeReader.Read<RelationshipAttribute>(attribute) is { } relationship)
                {
                    AddLocation(key + ":Relationship", attribute);
                    test = Declared(TestKind.Relationships, relationship) with { RelatedType = relationship.Model?.FullName, RelatedColumn = relationship.Column };
                }

                if (test is not null) tests.Add(test);
            }

            return tests;
        }

        private static ColumnTestSpec Declared(TestKind kind, ColumnTestAttribute attribute) =>
            new(kind, ModelEnums.WarnOnly(attribute.Severity), EquatableArray<string>.Empty, null, null, null, null);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private List<RuleSpec> ParseRules()
        {
            var rules = new List<RuleSpec>();
            foreach (var (rule, data) in AttributeReader.All<RuleAttribute>(_type.GetAttributes()))
            {
                var name = rule.Name ?? string.Empty;
                var key = "rule:" + name;
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
                        case InterpolationSyntax hole:
                            parts.Add(HolePart(hole));
                            break;
                    }
                }

                return Merge(parts).ToEquatableArray();
            }

            return new[] { new SqlPart(sql ?? string.Empty, null) }.ToEquatableArray();
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
    }

    private static string? DescriptionOf(ImmutableArray<AttributeData> attributes) =>
        AttributeReader.First<DescriptionAttribute>(attributes)?.Attribute.Text;

    /// <summary>A params string[] argument: null (as in <c>null!</c>) reads as none, a null item as empty text.</summary>
    private static IEnumerable<string> Texts(string[]? values) =>
        values is null ? Enumerable.Empty<string>() : values.Select(static v => v ?? string.Empty);
}
