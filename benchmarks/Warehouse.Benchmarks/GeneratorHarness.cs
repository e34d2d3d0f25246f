using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Warehouse.Generators;

namespace Warehouse.Benchmarks;

/// <summary>
/// Compiles a synthetic model and drives a generator (ours unless told otherwise) the way the compiler does, with
/// step tracking on by default.
/// </summary>
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

    private readonly IIncrementalGenerator _generator;

    /// <summary>Each edit's record before and after, parsed up front so that no timed run parses.</summary>
    private readonly Dictionary<SyntheticEdit, (SyntaxTree Old, SyntaxTree New)> _edits;

    /// <param name="generator">The generator to drive: <see cref="WarehouseGenerator"/> by default, <see cref="RoslynFloorGenerator"/> for the floor.</param>
    public GeneratorHarness(SyntheticModel model, bool trackSteps = true, IIncrementalGenerator? generator = null)
    {
        Model = model;
        TrackSteps = trackSteps;
        _generator = generator ?? new WarehouseGenerator();
        var trees = model.Records.Select(r => CSharpSyntaxTree.ParseText(r.Text, ParseOptions, path: r.FileName)).ToList();
        Compilation = CSharpCompilation.Create("Bench", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edits = model.Edits.ToDictionary(
            edit => edit,
            edit => (trees.Single(t => t.FilePath == edit.FileName), CSharpSyntaxTree.ParseText(model.TextAfter(edit), ParseOptions, path: edit.FileName)));
    }

    public SyntheticModel Model { get; }

    /// <summary>trackIncrementalGeneratorSteps: on in tests and these benchmarks' checks; csc and the IDE run without it.</summary>
    public bool TrackSteps { get; }

    public CSharpCompilation Compilation { get; }

    public GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { _generator.AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: TrackSteps));

    /// <summary>A cold run: a new driver on a compilation with fresh semantic state (same parsed trees).</summary>
    public GeneratorDriver FullRun() => Driver().RunGenerators(Compilation.Clone());

    /// <summary>The IDE/compiler case: a driver that already ran, then the same compilation with one record edited (type 1 → type 2).</summary>
    public GeneratorDriver IncrementalRun(GeneratorDriver warm) => IncrementalRun(warm, Model.ScdTypeEdit);

    /// <summary>As <see cref="IncrementalRun(GeneratorDriver)"/>, with one of the model's <see cref="SyntheticModel.Edits"/>.</summary>
    public GeneratorDriver IncrementalRun(GeneratorDriver warm, SyntheticEdit edit)
    {
        var (old, edited) = _edits[edit];
        return warm.RunGenerators(Compilation.ReplaceSyntaxTree(old, edited));
    }
}
