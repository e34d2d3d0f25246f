using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Emitters.CloudFormation;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;
using Warehouse.Generators.Resolution;

namespace Warehouse.Generators;

/// <summary>
/// The warehouse compiler. Pipeline: parse each annotated record (cached per record) → resolve the whole model
/// (cross-record checks, diagnostics) → render each node on its own (cached per node) → the whole-model
/// artifacts (manifest, setup, dbt project, CloudFormation, the typed model class), each cached on its own inputs.
/// Every step's value is equatable and free of symbols, syntax and compilations.
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

        // The whole-model artifacts, each its own step and source file so that an edit rebuilds only those whose
        // inputs changed: the manifest and the dbt property files only join what each node wrote in Render (manifest
        // entries with their checksums, YAML items), setup follows the schemas, CloudFormation only the sources, and
        // the typed model class only the node names and artifact paths. They are emitted only for a model whose
        // every node rendered (as the emitters only ever see a consistent model).
        var collected = rendered.Collect();
        var complete = collected
            .Select(static (nodes, _) => nodes.Length > 0 && nodes.All(static n => n.Error is null))
            .WithTrackingName(TrackingNames.Complete);

        var setup = resolved.Combine(complete)
            .Select(static (pair, _) => WholeModelPart.Emit(pair.Right, "the setup scripts", () => SqlDialect.All.Select(d => SqlEmitter.Setup(d, pair.Left.Nodes))))
            .WithTrackingName(TrackingNames.Setup);

        var dbtProject = resolved.Combine(collected.Combine(complete))
            .Select(static (pair, _) =>
            {
                var (warehouse, (nodes, isComplete)) = pair;
                return WholeModelPart.Emit(isComplete, "the dbt project", () => DbtEmitter.Project(
                    warehouse.Project,
                    warehouse.Nodes.AsImmutableArray(),
                    nodes.ToDictionary(static n => n.Id, static n => n.DbtProperties, StringComparer.Ordinal)));
            })
            .WithTrackingName(TrackingNames.DbtProject);

        var cloudFormation = resolved
            .Select(static (warehouse, _) => new SourcesOfModel(
                warehouse.Project,
                warehouse.Nodes.Where(static n => n.Kind == NodeKind.Source && n.Format is not null).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Sources)
            .Combine(complete)
            .Select(static (pair, _) => WholeModelPart.Emit(pair.Right, "the CloudFormation template", () => new[] { CloudFormationEmitter.Artifact(pair.Left.Project, pair.Left.Sources.AsImmutableArray()) }))
            .WithTrackingName(TrackingNames.CloudFormation);

        // The manifest lists the {{variables}} of every artifact, the whole-model ones included.
        var wholeModelVariables = setup.Combine(dbtProject)
            .Select(static (pair, _) => ManifestEmitter.Variables(pair.Left.Artifacts.Concat(pair.Right.Artifacts)));
        var manifest = collected.Combine(complete).Combine(wholeModelVariables.Combine(project))
            .Select(static (pair, _) =>
            {
                var ((nodes, isComplete), (variables, projectName)) = pair;
                return WholeModelPart.Emit(isComplete, "the manifest", () => new[]
                {
                    ManifestEmitter.Emit(projectName, nodes.SelectMany(static n => n.ManifestEntries).ToList(), nodes.SelectMany(static n => n.Variables).Concat(variables)),
                });
            })
            .WithTrackingName(TrackingNames.Manifest);

        var parts = new[] { setup, dbtProject, cloudFormation, manifest };
        var hintNames = new[] { "Warehouse.Setup.g.cs", "Warehouse.Dbt.g.cs", "Warehouse.CloudFormation.g.cs", "Warehouse.Manifest.g.cs" };
        for (var i = 0; i < parts.Length; i++)
        {
            var hintName = hintNames[i];
            context.RegisterSourceOutput(parts[i], (spc, part) =>
            {
                if (part.Error is not null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, part.Name, part.Error));
                    return;
                }

                if (part.Artifacts.Count > 0) spc.AddSource(hintName, CSharpEmitter.Artifacts(part.Artifacts));
            });
        }

        var wholeModelArtifacts = setup.Combine(dbtProject).Combine(cloudFormation.Combine(manifest))
            .Select(static (pair, _) => new[] { pair.Left.Left, pair.Left.Right, pair.Right.Left, pair.Right.Right }
                .SelectMany(static part => part.Artifacts.Select(static a => ArtifactName.Of(a.Path)))
                .ToEquatableArray());
        var modelClass = resolved.Combine(collected.Combine(complete)).Combine(wholeModelArtifacts)
            .Select(static (pair, _) =>
            {
                var ((warehouse, (nodes, isComplete)), wholeModel) = pair;
                return isComplete
                    ? new ModelIndex(
                        warehouse.Project,
                        warehouse.Nodes.Select(static n => new NodeName(n.Schema, n.Name, n.Kind == NodeKind.SingularTest ? "test." + n.Name : n.Id)).ToEquatableArray(),
                        nodes.SelectMany(static n => n.ArtifactNames).Concat(wholeModel).ToEquatableArray())
                    : null;
            })
            .WithTrackingName(TrackingNames.ModelIndex)
            .Select(static (index, _) => index is null ? null : CSharpEmitter.Model(index.Project, index.Nodes, index.Artifacts))
            .WithTrackingName(TrackingNames.ModelClass);

        context.RegisterSourceOutput(modelClass, static (spc, source) =>
        {
            if (source is not null) spc.AddSource("Warehouse.Model.g.cs", source);
        });
    }

    /// <summary>What the CloudFormation template depends on: the project and the sources.</summary>
    private sealed record SourcesOfModel(string Project, EquatableArray<NodeSpec> Sources);

    /// <summary>What the typed model class lists: the project, every node's name and every artifact.</summary>
    private sealed record ModelIndex(string Project, EquatableArray<NodeName> Nodes, EquatableArray<ArtifactName> Artifacts);

    /// <summary>
    /// One whole-model output: its artifacts, none when the model is incomplete, or the emitter's failure (WH0099
    /// naming <see cref="Name"/>; the generator never throws).
    /// </summary>
    private sealed record WholeModelPart(string Name, EquatableArray<Artifact> Artifacts, string? Error = null)
    {
        public static WholeModelPart Emit(bool complete, string name, Func<IEnumerable<Artifact>> emit)
        {
            if (!complete) return new WholeModelPart(name, EquatableArray<Artifact>.Empty);
            try
            {
                return new WholeModelPart(name, emit().ToEquatableArray());
            }
            catch (Exception exception)
            {
                return new WholeModelPart(name, EquatableArray<Artifact>.Empty, exception.GetType().Name + ": " + exception.Message);
            }
        }
    }
}
