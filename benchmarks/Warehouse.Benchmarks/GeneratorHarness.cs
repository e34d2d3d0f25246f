using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Warehouse.Generators;

namespace Warehouse.Benchmarks;

/// <summary>Compiles a synthetic model and drives the generator the way the compiler does, with step tracking on.</summary>
public sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Warehouse.Model.SourceAttribute).Assembly.Location))
            .ToImmutableArray());

    public GeneratorHarness(SyntheticModel model, bool trackSteps = true)
    {
        Model = model;
        TrackSteps = trackSteps;
        var trees = model.Records.Select(r => CSharpSyntaxTree.ParseText(r.Text, ParseOptions, path: r.FileName)).ToList();
        Compilation = CSharpCompilation.Create("Bench", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        EditedOld = trees.Single(t => t.FilePath == model.EditedFile);
        EditedNew = CSharpSyntaxTree.ParseText(model.EditedText, ParseOptions, path: model.EditedFile);
    }

    public SyntheticModel Model { get; }

    /// <summary>trackIncrementalGeneratorSteps: on in tests and these benchmarks' checks; csc and the IDE run without it.</summary>
    public bool TrackSteps { get; }

    public CSharpCompilation Compilation { get; }

    public SyntaxTree EditedOld { get; }

    public SyntaxTree EditedNew { get; }

    public GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new WarehouseGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: TrackSteps));

    /// <summary>A cold run: a new driver on a compilation with fresh semantic state (same parsed trees).</summary>
    public GeneratorDriver FullRun() => Driver().RunGenerators(Compilation.Clone());

    /// <summary>The IDE/compiler case: a driver that already ran, then the same compilation with one record edited.</summary>
    public GeneratorDriver IncrementalRun(GeneratorDriver warm) => warm.RunGenerators(Compilation.ReplaceSyntaxTree(EditedOld, EditedNew));
}
