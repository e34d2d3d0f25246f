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

namespace Warehouse.Generators.Parsing;

/// <summary>
/// Turns one attribute-annotated record into a <see cref="ParsedNode"/>. It looks only at that record (references
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

        public ParsedNode Parse(NodeKind kind, AttributeData primary)
        {
            AddLocation("node", _type.Locations.FirstOrDefault());
            AddLocation("attr", primary);

            var layer = kind switch
            {
                NodeKind.Source => LayerKind.Bronze,
                NodeKind.Staging => LayerKind.Silver,
                NodeKind.SqlModel => (LayerKind)IntArg(primary, "Layer", (int)LayerKind.Gold),
                _ => LayerKind.Gold,
            };
            var table = Find(_type.GetAttributes(), AttributeNames.Table);
            var name = table is not null ? StringCtorArg(table, 0) ?? string.Empty : Naming.ToSnakeCase(_type.Name);
            var schema = kind switch
            {
                NodeKind.Analysis => "analysis",
                NodeKind.SingularTest => "test",
                _ => (table is not null ? StringArg(table, "Schema") : null) ?? layer.ToString().ToLowerInvariant(),
            };
            if (table is not null) AddLocation("table", table);

            var spec = new NodeSpec
            {
                Kind = kind,
                TypeName = TypeNameOf(_type),
                Name = name,
                Schema = schema,
                Layer = layer,
                Description = DescriptionOf(_type.GetAttributes()),
                Columns = ParseColumns(kind).ToEquatableArray(),
            };

            spec = kind switch
            {
                NodeKind.Source => ParseSource(spec, primary),
                NodeKind.Staging => spec with
                {
                    UpstreamType = TypeCtorArg(primary, 0),
                    Key = StringArg(primary, "Key"),
                    Incremental = (Incremental)IntArg(primary, "Incremental", (int)Incremental.Merge),
                    Rules = ParseRules().ToEquatableArray(),
                },
                NodeKind.Dimension => spec with
                {
                    UpstreamType = TypeCtorArg(primary, 0),
                    Scd = IntArg(primary, "Scd", 1),
                    DateColumn = StringArg(primary, "DateColumn"),
                    UnknownMember = BoolArg(primary, "UnknownMember", true),
                    Hierarchies = ParseHierarchies().ToEquatableArray(),
                    Incremental = Incremental.Merge,
                },
                NodeKind.Fact => spec with
                {
                    UpstreamType = TypeCtorArg(primary, 0),
                    Incremental = (Incremental)IntArg(primary, "Incremental", (int)Incremental.Merge),
                    Grain = ParseGrain(),
                },
                NodeKind.SqlModel => spec with
                {
                    Sql = ParseSql(primary),
                    MaterializeAsTable = IntArg(primary, "Materialization", 0) == 1,
                    Incremental = Incremental.FullRefresh,
                },
                NodeKind.Analysis => spec with { Sql = ParseSql(primary) },
                NodeKind.SingularTest => spec with
                {
                    Sql = ParseSql(primary),
                    WarnOnly = IntArg(primary, "Severity", 0) == 1,
                    Description = StringArg(primary, "Description") ?? spec.Description,
                },
                _ => spec,
            };

            if (spec.Columns.Count == 0 && kind is not (NodeKind.Analysis or NodeKind.SingularTest))
            {
                Report(DiagnosticDescriptors.NoColumns, LocationOf("attr"), _type.Name);
            }

            return new ParsedNode(spec, _locations.ToEquatableArray(), _diagnostics.ToEquatableArray());
        }

        private NodeSpec ParseSource(NodeSpec spec, AttributeData attribute)
        {
            var prefix = StringCtorArg(attribute, 0) ?? string.Empty;
            var pattern = StringArg(attribute, "FilePattern") ?? "*.csv";
            var delimiter = CharArg(attribute, "Delimiter", ',');
            var header = BoolArg(attribute, "Header", true);
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

            return spec with { Format = new SourceFormatSpec(prefix, pattern, delimiter, header) };
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
            var columnAttribute = Find(attributes, AttributeNames.Column);
            var name = columnAttribute is not null ? StringCtorArg(columnAttribute, 0) ?? property.Name : Naming.ToSnakeCase(property.Name);
            if (columnAttribute is not null) AddLocation(key + ":Column", columnAttribute);

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
            if (Has(attributes, AttributeNames.SurrogateKey)) role = ColumnRole.SurrogateKey;
            else if (Has(attributes, AttributeNames.BusinessKey)) role = ColumnRole.BusinessKey;
            else if (Has(attributes, AttributeNames.DegenerateKey)) role = ColumnRole.DegenerateKey;
            else if (Find(attributes, AttributeNames.References) is { } references)
            {
                role = ColumnRole.Reference;
                referencedType = TypeCtorArg(references, 0);
                referenceOn = StringArg(references, "On");
                AddLocation(key + ":References", references);
            }
            else if (Find(attributes, AttributeNames.Measure) is { } measure)
            {
                role = ColumnRole.Measure;
                additivity = AdditivityName(IntCtorArg(measure, 0, 0));
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
                History = Has(attributes, AttributeNames.History),
                Additivity = additivity,
                ReferencedType = referencedType,
                ReferenceOn = referenceOn,
                Derived = ParseExpression(attributes, AttributeNames.Derived, key + ":Derived", "the derived expression"),
                Default = ParseExpression(attributes, AttributeNames.Default, key + ":Default", "the default expression"),
                Trim = type.Kind == SqlTypeKind.Varchar && !Has(attributes, AttributeNames.NoTrim),
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

        private static SqlType DecimalType(ImmutableArray<AttributeData> attributes)
        {
            var precision = Find(attributes, AttributeNames.Precision);
            return precision is null
                ? new SqlType(SqlTypeKind.Decimal, Precision: 18, Scale: 2)
                : new SqlType(SqlTypeKind.Decimal, Precision: IntCtorArg(precision, 0, 18), Scale: IntCtorArg(precision, 1, 2));
        }

        private static int MaxLengthOf(ImmutableArray<AttributeData> attributes)
        {
            var maxLength = Find(attributes, AttributeNames.MaxLength);
            return maxLength is null ? 256 : IntCtorArg(maxLength, 0, 256);
        }

        private Expr? ParseExpression(ImmutableArray<AttributeData> attributes, string attributeName, string key, string what)
        {
            var attribute = Find(attributes, attributeName);
            if (attribute is null) return null;
            AddLocation(key, attribute);
            return ParseExpressionText(StringCtorArg(attribute, 0), key, what);
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

        private List<ColumnTestSpec> ParseColumnTests(ImmutableArray<AttributeData> attributes, string key)
        {
            var tests = new List<ColumnTestSpec>();
            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                var warn = IntArg(attribute, "Severity", 0) == 1;
                switch (name)
                {
                    case AttributeNames.Unique:
                        tests.Add(new ColumnTestSpec(TestKind.Unique, warn, EquatableArray<string>.Empty, null, null, null, null));
                        break;
                    case AttributeNames.NotNull:
                        tests.Add(new ColumnTestSpec(TestKind.NotNull, warn, EquatableArray<string>.Empty, null, null, null, null));
                        break;
                    case AttributeNames.AcceptedValues:
                        var values = StringArrayCtorArg(attribute, 0);
                        tests.Add(new ColumnTestSpec(TestKind.AcceptedValues, warn, values.ToEquatableArray(), null, null, null, null));
                        break;
                    case AttributeNames.Range:
                        tests.Add(new ColumnTestSpec(TestKind.Range, warn, EquatableArray<string>.Empty, NumberCtorArg(attribute, 0), NumberCtorArg(attribute, 1), null, null));
                        break;
                    case AttributeNames.Relationship:
                        AddLocation(key + ":Relationship", attribute);
                        tests.Add(new ColumnTestSpec(TestKind.Relationships, warn, EquatableArray<string>.Empty, null, null, TypeCtorArg(attribute, 0), StringCtorArg(attribute, 1)));
                        break;
                }
            }

            return tests;
        }

        private List<RuleSpec> ParseRules()
        {
            var rules = new List<RuleSpec>();
            foreach (var attribute in _type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != AttributeNames.Rule) continue;
                var name = StringCtorArg(attribute, 0) ?? string.Empty;
                var key = "rule:" + name;
                AddLocation(key, attribute);
                var condition = StringCtorArg(attribute, 1) ?? string.Empty;
                rules.Add(new RuleSpec(name, condition, StringCtorArg(attribute, 2) ?? string.Empty)
                {
                    Parsed = ParseExpressionText(condition, key, $"the condition of rule '{name}'"),
                });
            }

            return rules;
        }

        private List<HierarchySpec> ParseHierarchies()
        {
            var hierarchies = new List<HierarchySpec>();
            foreach (var attribute in _type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != AttributeNames.Hierarchy) continue;
                var name = StringCtorArg(attribute, 0) ?? string.Empty;
                AddLocation("hierarchy:" + name, attribute);
                hierarchies.Add(new HierarchySpec(name, StringArrayCtorArg(attribute, 1).ToEquatableArray()));
            }

            return hierarchies;
        }

        private GrainSpec? ParseGrain()
        {
            var grain = Find(_type.GetAttributes(), AttributeNames.Grain);
            if (grain is null) return null;
            AddLocation("grain", grain);
            return new GrainSpec(StringCtorArg(grain, 0) ?? string.Empty, StringArrayCtorArg(grain, 1).ToEquatableArray());
        }

        /// <summary>
        /// Reads a SQL body. Inside a constant interpolated string, each <c>{nameof(Model)}</c> hole is a typed
        /// reference (resolved by symbol, so renames refactor it); any other hole is constant text.
        /// </summary>
        private EquatableArray<SqlPart> ParseSql(AttributeData attribute)
        {
            AddLocation("sql", attribute);
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
            var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;
            if (argument is InterpolatedStringExpressionSyntax interpolated)
            {
                var parts = new List<SqlPart>();
                foreach (var content in interpolated.Contents)
                {
                    switch (content)
                    {
                        case InterpolatedStringTextSyntax text:
                            parts.Add(new SqlPart(text.TextToken.ValueText, null));
                            break;
                        case InterpolationSyntax hole when NameofTarget(hole.Expression) is { } target:
                            parts.Add(new SqlPart(target.Name, TypeNameOf(target)));
                            break;
                        case InterpolationSyntax hole:
                            var value = _semanticModel.GetConstantValue(hole.Expression, _cancellationToken);
                            parts.Add(new SqlPart(value.HasValue ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty, null));
                            break;
                    }
                }

                return Merge(parts).ToEquatableArray();
            }

            return new[] { new SqlPart(StringCtorArg(attribute, 0) ?? string.Empty, null) }.ToEquatableArray();
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

    private static string AdditivityName(int value) => value switch
    {
        1 => "semi_additive",
        2 => "non_additive",
        _ => "additive",
    };

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);

    private static bool Has(ImmutableArray<AttributeData> attributes, string name) => Find(attributes, name) is not null;

    private static string? DescriptionOf(ImmutableArray<AttributeData> attributes)
    {
        var description = Find(attributes, AttributeNames.Description);
        return description is null ? null : StringCtorArg(description, 0);
    }

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name) return pair.Value;
        }

        return null;
    }

    private static string? StringArg(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;

    private static int IntArg(AttributeData attribute, string name, int fallback) =>
        Named(attribute, name)?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : fallback;

    private static bool BoolArg(AttributeData attribute, string name, bool fallback) =>
        Named(attribute, name)?.Value is bool value ? value : fallback;

    private static char CharArg(AttributeData attribute, string name, char fallback) =>
        Named(attribute, name)?.Value is char value ? value : fallback;

    private static string? StringCtorArg(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

    private static int IntCtorArg(AttributeData attribute, int index, int fallback) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : fallback;

    private static string? NumberCtorArg(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is double value
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : null;

    private static string? TypeCtorArg(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is ITypeSymbol type
            ? TypeNameOf(type)
            : null;

    private static IEnumerable<string> StringArrayCtorArg(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Array, IsNull: false } array
            ? array.Values.Select(v => v.Value as string ?? string.Empty)
            : Enumerable.Empty<string>();
}
