using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Warehouse.Generators.Tests;

/// <summary>Compiles C# against Warehouse.Model and runs the generator on it, with step tracking on.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Warehouse.Model.SourceAttribute).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "TestModel",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new WarehouseGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its diagnostics, the compiler's diagnostics on the output, and the result.</summary>
    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler, GeneratorDriverRunResult Result) Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (generatorDiagnostics, compilerDiagnostics, driver.GetRunResult());
    }

    /// <summary>A small valid model: a source, its staging, a dimension and a fact.</summary>
    public const string ValidModel = """
        using System;
        using Warehouse.Model;
        namespace Shop;

        [Source("landing/customers/", Delimiter = '|')]
        public sealed record RawCustomers
        {
            public long CustomerId { get; init; }
            public required string Name { get; init; }
        }

        [Source("landing/orders/")]
        public sealed record RawOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
        }

        [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
        public sealed record StgCustomers
        {
            public long CustomerId { get; init; }
            [Derived("initcap(name)")] public required string Name { get; init; }
        }

        [Staging(typeof(RawOrders), Key = nameof(OrderId))]
        [Rule("positive", "amount > 0", "amount must be positive")]
        public sealed record StgOrders
        {
            public long OrderId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
        }

        [Dimension(typeof(StgCustomers), Scd = ScdType.Type2)]
        public sealed record DimCustomers
        {
            [SurrogateKey] public long CustomerKey { get; init; }
            [BusinessKey] public long CustomerId { get; init; }
            [History] public required string Name { get; init; }
        }

        [Fact(typeof(StgOrders))]
        [Grain("one row per order", nameof(OrderId))]
        public sealed record FactOrders
        {
            [DegenerateKey] public long OrderId { get; init; }
            [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
            [Measure] public decimal Amount { get; init; }
        }
        """;
}
