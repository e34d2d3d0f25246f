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
        Compilation = Compile(model.Records.Select(r => (r.FileName, r.Text)));
        var trees = Compilation.SyntaxTrees.ToList();
        _edits = model.Edits.ToDictionary(
            edit => edit,
            edit => (trees.Single(t => t.FilePath == edit.FileName), CSharpSyntaxTree.ParseText(model.TextAfter(edit), ParseOptions, path: edit.FileName)));
    }

    public SyntheticModel Model { get; }

    /// <summary>Model sources (file name, C# text) as one compilation against Warehouse.Model, as a model project compiles them.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string FileName, string Text)> sources) =>
        CSharpCompilation.Create("Bench", sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.FileName)), References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>One untracked run of our generator over <paramref name="sources"/>, as csc runs it.</summary>
    public static GeneratorDriverRunResult Run(IEnumerable<(string FileName, string Text)> sources) =>
        CSharpGeneratorDriver.Create(new[] { new WarehouseGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGenerators(Compile(sources)).GetRunResult();

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
