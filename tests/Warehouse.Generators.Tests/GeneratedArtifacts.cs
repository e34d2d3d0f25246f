using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Model.Codec;
using Warehouse.Generators.Output;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The artifacts of a generator run, as the MSBuild task makes them: the <c>Spec</c> constants of the generated
/// spec classes and <c>WarehouseModel.Project</c>, rendered by <see cref="WarehouseRenderer"/>.
/// </summary>
internal static class GeneratedArtifacts
{
    public static IReadOnlyDictionary<string, string> Of(GeneratorDriverRunResult result)
    {
        var specs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? project = null;
        foreach (var tree in result.GeneratedTrees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                string? Constant(string name) => type.Members.OfType<FieldDeclarationSyntax>()
                    .SelectMany(f => f.Declaration.Variables)
                    .FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value is LiteralExpressionSyntax literal
                        ? literal.Token.ValueText
                        : null;

                var space = type.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>()?.Name.ToString();
                if (space == CompiledModelNames.SpecNamespace && Constant(CompiledModelNames.SpecField) is { } spec) specs[type.Identifier.ValueText] = spec;
                if (type.Identifier.ValueText == CompiledModelNames.ModelClass) project = Constant(CompiledModelNames.ProjectField);
            }
        }

        if (specs.Count == 0) return new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rendered = WarehouseRenderer.Render(project ?? throw new InvalidOperationException("specs without WarehouseModel.Project"), specs.Values);
        Assert.Empty(rendered.Errors);
        return new SortedDictionary<string, string>(rendered.Artifacts.ToDictionary(a => a.Path, a => a.Content), StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> Of(params string[] sources)
    {
        var (generator, compiler, result) = GeneratorHarness.Run(sources);
        Assert.Empty(generator);
        Assert.Empty(compiler);
        return Of(result);
    }
}
