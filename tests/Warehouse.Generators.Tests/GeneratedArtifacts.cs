using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Warehouse.Generators.Tests;

/// <summary>Reads the artifacts (Path → Content constants) out of the generator's output, as the MSBuild task would.</summary>
internal static class GeneratedArtifacts
{
    public static IReadOnlyDictionary<string, string> Of(GeneratorDriverRunResult result)
    {
        var artifacts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in result.GeneratedTrees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                string? Constant(string name) => type.Members.OfType<FieldDeclarationSyntax>()
                    .SelectMany(f => f.Declaration.Variables)
                    .FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value is LiteralExpressionSyntax literal
                        ? literal.Token.ValueText
                        : null;

                if (Constant("Path") is { } path && Constant("Content") is { } content)
                {
                    artifacts[path] = content;
                }
            }
        }

        return artifacts;
    }

    public static IReadOnlyDictionary<string, string> Of(params string[] sources)
    {
        var (generator, compiler, result) = GeneratorHarness.Run(sources);
        Assert.Empty(generator);
        Assert.Empty(compiler);
        return Of(result);
    }
}
