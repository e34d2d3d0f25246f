using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Model;
using Warehouse.Generators.Output;
using Warehouse.Generators.Parsing;
using Warehouse.Generators.Parsing.ModelAttributes;
using Warehouse.Generators.Resolution;

namespace Warehouse.Generators;

/// <summary>
/// The warehouse compiler's front end. Pipeline: parse each annotated record (cached per record) → resolve the
/// whole model (cross-record checks, diagnostics) → encode each resolved node as a small C# constant (cached per
/// node) → <c>WarehouseModel</c>, the typed list of node names. Every step's value is equatable and free of
/// symbols, syntax and compilations.
///
/// The artifacts (SQL, dbt, CloudFormation, manifest) are not rendered here: they would travel as C# string
/// literals, megabytes per hundred models, through every compilation. The MSBuild task and the runner render them
/// from the encoded specs with the same emitters (<c>Emitters/WarehouseRenderer.cs</c>), so the generated C#
/// per node stays a few kilobytes whatever the size of the model (docs/architecture.md).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WarehouseGenerator : IIncrementalGenerator
{
    /// <summary>The attribute (its metadata name in the user's Warehouse.Model) that makes a record a node of each kind.</summary>
    internal static readonly (string Attribute, NodeKind Kind)[] Kinds =
    {
        (AttributeReader.MetadataName<SourceAttribute>(), NodeKind.Source),
        (AttributeReader.MetadataName<StagingAttribute>(), NodeKind.Staging),
        (AttributeReader.MetadataName<DimensionAttribute>(), NodeKind.Dimension),
        (AttributeReader.MetadataName<FactAttribute>(), NodeKind.Fact),
        (AttributeReader.MetadataName<SqlModelAttribute>(), NodeKind.SqlModel),
        (AttributeReader.MetadataName<AnalysisAttribute>(), NodeKind.Analysis),
        (AttributeReader.MetadataName<SingularTestAttribute>(), NodeKind.SingularTest),
    };

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<EquatableArray<ParsedNode>>? all = null;
        foreach (var (attribute, kind) in Kinds)
        {
            // Nulls (a target that is not a type) are dropped after Collect rather than by a Where per record: with
            // step tracking, every per-record step lengthens each walk Roslyn makes back to the records.
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, static (node, _) => node is TypeDeclarationSyntax, (ctx, ct) => ModelParser.Parse(ctx, kind, ct))
                .WithTrackingName(TrackingNames.Parse)
                .Collect()
                .Select(static (nodes, _) => nodes.Where(static node => node is not null).Select(static node => node!).ToEquatableArray());
            all = all is null ? parsed : all.Value.Combine(parsed).Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray());
        }

        var project = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Warehouse");
        var defaults = context.CompilationProvider.Select(static (compilation, ct) => ModelDefaults.Read(compilation.Assembly, ct));
        var resolved = all!.Value
            .WithTrackingName(TrackingNames.Collect)
            .Combine(project)
            .Combine(defaults)
            .Select(static (pair, _) => WarehouseResolver.Resolve(pair.Left.Right, pair.Left.Left.AsImmutableArray(), pair.Right))
            .WithTrackingName(TrackingNames.Resolve);

        context.RegisterSourceOutput(
            resolved.Select(static (warehouse, _) => warehouse.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (spc, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        // When the model has an error the resolver returns no nodes, so nothing is emitted: the build task and the
        // runner only ever see a consistent model.
        var encoded = resolved
            .SelectMany(static (warehouse, _) => warehouse.Nodes)
            .WithTrackingName(TrackingNames.Nodes)
            .Select(static (node, _) => EncodedNode.Of(node))
            .WithTrackingName(TrackingNames.Encode);
        context.RegisterSourceOutput(encoded, static (spc, node) =>
        {
            if (node.Error is null) spc.AddSource(node.HintName, node.Source);
            else spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, node.Id, node.Error));
        });

        // WarehouseModel always exists, with the names of every node parsed, even when the model has errors: user
        // code that uses it keeps compiling while the model is being fixed (no CS0234 beside each WH error).
        var index = resolved
            .Select(static (warehouse, _) => new ModelIndex(warehouse.Project, warehouse.Names))
            .WithTrackingName(TrackingNames.Index);
        context.RegisterSourceOutput(index, static (spc, model) => spc.AddSource("Warehouse.Model.g.cs", CSharpEmitter.Model(model.Project, model.Nodes)));
    }
}
