using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Emitters.CloudFormation;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;
using Warehouse.Generators.Resolution;

namespace Warehouse.Generators;

/// <summary>
/// The warehouse compiler. Pipeline: parse each annotated record (cached per record) → resolve the whole model
/// (cross-record checks, diagnostics) → render each node on its own (cached per node) → the whole-model
/// artifacts (manifest, setup). Every step's value is equatable and free of symbols, syntax and compilations.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WarehouseGenerator : IIncrementalGenerator
{
    private static readonly (string Attribute, NodeKind Kind)[] Kinds =
    {
        (AttributeNames.Source, NodeKind.Source),
        (AttributeNames.Staging, NodeKind.Staging),
        (AttributeNames.Dimension, NodeKind.Dimension),
        (AttributeNames.Fact, NodeKind.Fact),
        (AttributeNames.SqlModel, NodeKind.SqlModel),
        (AttributeNames.Analysis, NodeKind.Analysis),
        (AttributeNames.SingularTest, NodeKind.SingularTest),
    };

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<EquatableArray<ParsedNode>>? all = null;
        foreach (var (attribute, kind) in Kinds)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, static (node, _) => node is TypeDeclarationSyntax, (ctx, ct) => ModelParser.Parse(ctx, kind, ct))
                .Where(static node => node is not null)
                .Select(static (node, _) => node!)
                .WithTrackingName(TrackingNames.Parse)
                .Collect()
                .Select(static (nodes, _) => nodes.ToEquatableArray());
            all = all is null ? parsed : all.Value.Combine(parsed).Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray());
        }

        var project = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Warehouse");
        var resolved = all!.Value
            .WithTrackingName(TrackingNames.Collect)
            .Combine(project)
            .Select(static (pair, _) => WarehouseResolver.Resolve(pair.Right, pair.Left.AsImmutableArray()))
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

        var rendered = resolved
            .SelectMany(static (warehouse, _) => warehouse.Nodes)
            .WithTrackingName(TrackingNames.Nodes)
            .Select(static (node, _) => RenderedNode.Render(node))
            .WithTrackingName(TrackingNames.Render);

        context.RegisterSourceOutput(rendered, static (spc, node) =>
        {
            if (node.Error is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, node.Id, node.Error));
                return;
            }

            spc.AddSource($"Warehouse.{node.Id}.g.cs", CSharpEmitter.Artifacts(node.Artifacts));
        });

        var model = rendered.Collect()
            .Combine(resolved)
            .Select(static (pair, _) => WholeModel(pair.Right, pair.Left))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(model, static (spc, output) =>
        {
            if (output.Error is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, "the whole model", output.Error));
                return;
            }

            if (output.Artifacts.Count == 0) return;
            spc.AddSource("Warehouse.Model.g.cs", output.ModelSource);
            spc.AddSource("Warehouse.Artifacts.g.cs", CSharpEmitter.Artifacts(output.Artifacts));
        });
    }

    /// <summary>The artifacts that depend on the whole model, and the typed model class listing every artifact.</summary>
    private static ModelOutput WholeModel(ResolvedWarehouse warehouse, ImmutableArray<RenderedNode> rendered)
    {
        if (warehouse.Nodes.Count == 0 || rendered.Any(r => r.Error is not null))
        {
            return new ModelOutput(EquatableArray<Artifact>.Empty, string.Empty);
        }

        try
        {
            return Emit(warehouse, rendered);
        }
        catch (Exception exception)
        {
            return new ModelOutput(EquatableArray<Artifact>.Empty, string.Empty, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static ModelOutput Emit(ResolvedWarehouse warehouse, ImmutableArray<RenderedNode> rendered)
    {
        var nodes = warehouse.Nodes.AsImmutableArray();
        var nodeArtifacts = rendered.SelectMany(r => r.Artifacts).ToList();
        var artifacts = new List<Artifact>();
        artifacts.AddRange(SqlDialect.All.Select(d => SqlEmitter.Setup(d, nodes)));
        artifacts.AddRange(Emitters.Dbt.DbtEmitter.Project(warehouse.Project, nodes));
        artifacts.Add(ManifestEmitter.Emit(warehouse.Project, nodes, nodeArtifacts.Concat(artifacts).ToList()));
        artifacts.Add(CloudFormationEmitter.Artifact(warehouse.Project, nodes));
        var paths = nodeArtifacts.Concat(artifacts).Select(a => a.Path);
        return new ModelOutput(artifacts.ToEquatableArray(), CSharpEmitter.Model(warehouse.Project, nodes, paths));
    }

    private sealed record ModelOutput(EquatableArray<Artifact> Artifacts, string ModelSource, string? Error = null);
}
