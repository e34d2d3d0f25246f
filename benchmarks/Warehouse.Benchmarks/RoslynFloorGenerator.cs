using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators;

namespace Warehouse.Benchmarks;

/// <summary>
/// Roslyn's floor for a semantic generator over the warehouse model (issue 10): the same seven
/// ForAttributeWithMetadataName lookups as <see cref="Warehouse.Generators.WarehouseGenerator"/> (its Kinds table),
/// collected and joined the same way, but the transform returns at once and the output adds nothing. What is left
/// is what Roslyn spends finding the records and handing them to any generator; GeneratorBenchmarks times it in
/// the same run as ours, so ours / floor compares like with like.
/// </summary>
public sealed class RoslynFloorGenerator : IIncrementalGenerator
{
    private static readonly string[] NodeAttributes = WarehouseGenerator.Kinds.Select(static k => k.Attribute).ToArray();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<int>? all = null;
        foreach (var attribute in NodeAttributes)
        {
            // Returning a constant makes every per-record value equal to the last run's, as cheap as caching gets.
            var found = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, static (node, _) => node is TypeDeclarationSyntax, static (_, _) => 0)
                .Collect()
                .Select(static (records, _) => records.Length);
            all = all is null ? found : all.Value.Combine(found).Select(static (pair, _) => pair.Left + pair.Right);
        }

        // Roslyn runs only the steps an output reaches, so the lookups need one, even an empty one.
        context.RegisterSourceOutput(all!.Value, static (_, _) => { });
    }
}
