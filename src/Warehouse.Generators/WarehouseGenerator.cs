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

        // The whole-model artifacts. Setup and CloudFormation depend on the resolved model only (CloudFormation only
        // on its sources), each its own step and source file, so an edit that does not show in them leaves them
        // cached. The dbt property files, the manifest and WarehouseModel need every node's render: one step joins
        // what each node wrote in Render (YAML items, manifest entries with their checksums, artifact class names).
        //
        // That step feeds a single output on purpose: with step tracking on, Roslyn walks every path from every
        // output back to every input without remembering what it visited, and each path through the collected
        // renders costs a walk over all nodes' parse steps (quadratic in the model size). Splitting the joined
        // files into cached outputs of their own saves little untracked (the manifest changes on nearly every
        // edit) and costs such a walk per file.
        var setup = resolved
            .Select(static (warehouse, _) => WholeModelPart.Emit(warehouse.Nodes.Count > 0, SetupFile, "the setup scripts",
                () => SqlDialect.All.Select(d => SqlEmitter.Setup(d, warehouse.Nodes))))
            .WithTrackingName(TrackingNames.Setup);

        var cloudFormation = resolved
            .Select(static (warehouse, _) => new SourcesOfModel(
                warehouse.Project,
                warehouse.Nodes.Count > 0,
                warehouse.Nodes.Where(static n => n.Kind == NodeKind.Source && n.Format is not null).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Sources)
            .Select(static (sources, _) => WholeModelPart.Emit(sources.HasModel, CloudFormationFile, "the CloudFormation template",
                () => new[] { CloudFormationEmitter.Artifact(sources.Project, sources.Sources.AsImmutableArray()) }))
            .WithTrackingName(TrackingNames.CloudFormation);

        var wholeModel = rendered.Collect().Combine(resolved).Combine(setup.Combine(cloudFormation))
            .Select(static (pair, _) => WholeModel.Join(pair.Left.Right, pair.Left.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.WholeModel);

        context.RegisterSourceOutput(setup, AddPart);
        context.RegisterSourceOutput(cloudFormation, AddPart);
        context.RegisterSourceOutput(wholeModel, static (spc, model) =>
        {
            foreach (var part in model.Parts) AddPart(spc, part);
            if (model.Index is { } index) spc.AddSource("Warehouse.Model.g.cs", CSharpEmitter.Model(index.Project, index.Nodes, index.Artifacts));
        });
    }

    private static void AddPart(SourceProductionContext context, WholeModelPart part)
    {
        if (part.Error is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, part.Name, part.Error));
            return;
        }

        if (part.Artifacts.Count > 0) context.AddSource(part.HintName, CSharpEmitter.Artifacts(part.Artifacts));
    }

    private const string SetupFile = "Warehouse.Setup.g.cs";
    private const string CloudFormationFile = "Warehouse.CloudFormation.g.cs";
    private const string DbtFile = "Warehouse.Dbt.g.cs";
    private const string ManifestFile = "Warehouse.Manifest.g.cs";

    /// <summary>
    /// The whole-model outputs that need every node's render: the dbt project and the manifest (<see cref="Parts"/>)
    /// and what <c>WarehouseModel</c> lists (<see cref="Index"/>). Nothing when the model is empty or a node failed to
    /// render (WH0099 was reported for it): the emitters only ever see a consistent model.
    /// </summary>
    private sealed record WholeModel(EquatableArray<WholeModelPart> Parts, ModelIndex? Index)
    {
        public static WholeModel Join(ResolvedWarehouse warehouse, ImmutableArray<RenderedNode> nodes, WholeModelPart setup, WholeModelPart cloudFormation)
        {
            if (nodes.Length == 0 || nodes.Any(static n => n.Error is not null))
            {
                return new WholeModel(EquatableArray<WholeModelPart>.Empty, null);
            }

            var dbt = WholeModelPart.Emit(true, DbtFile, "the dbt project", () => DbtEmitter.Project(
                warehouse.Project,
                warehouse.Nodes.AsImmutableArray(),
                nodes.ToDictionary(static n => n.Id, static n => n.DbtProperties, StringComparer.Ordinal)));

            // The manifest lists the {{variables}} of every artifact, the whole-model ones included.
            var manifest = WholeModelPart.Emit(true, ManifestFile, "the manifest", () => new[]
            {
                ManifestEmitter.Emit(
                    warehouse.Project,
                    nodes.SelectMany(static n => n.ManifestEntries).ToList(),
                    nodes.SelectMany(static n => n.Variables).Concat(ManifestEmitter.Variables(setup.Artifacts.Concat(dbt.Artifacts)))),
            });

            var index = new ModelIndex(
                warehouse.Project,
                warehouse.Nodes.Select(static n => new NodeName(n.Schema, n.Name, ManifestEmitter.IdOf(n))).ToEquatableArray(),
                nodes.SelectMany(static n => n.ArtifactNames)
                    .Concat(new[] { setup, cloudFormation, dbt, manifest }.SelectMany(static part => part.Artifacts.Select(static a => ArtifactName.Of(a.Path))))
                    .ToEquatableArray());
            return new WholeModel(new[] { dbt, manifest }.ToEquatableArray(), index);
        }
    }

    /// <summary>What the CloudFormation template depends on: the project, whether there is a model, and the sources.</summary>
    private sealed record SourcesOfModel(string Project, bool HasModel, EquatableArray<NodeSpec> Sources);

    /// <summary>What the typed model class lists: the project, every node's name and every artifact.</summary>
    private sealed record ModelIndex(string Project, EquatableArray<NodeName> Nodes, EquatableArray<ArtifactName> Artifacts);

    /// <summary>
    /// One whole-model source file: its artifacts, none when there is no model, or the emitter's failure (WH0099
    /// naming <see cref="Name"/>; the generator never throws).
    /// </summary>
    private sealed record WholeModelPart(string HintName, string Name, EquatableArray<Artifact> Artifacts, string? Error = null)
    {
        public static WholeModelPart Emit(bool hasModel, string hintName, string name, Func<IEnumerable<Artifact>> emit)
        {
            if (!hasModel) return new WholeModelPart(hintName, name, EquatableArray<Artifact>.Empty);
            try
            {
                return new WholeModelPart(hintName, name, emit().ToEquatableArray());
            }
            catch (Exception exception)
            {
                return new WholeModelPart(hintName, name, EquatableArray<Artifact>.Empty, exception.GetType().Name + ": " + exception.Message);
            }
        }
    }
}
