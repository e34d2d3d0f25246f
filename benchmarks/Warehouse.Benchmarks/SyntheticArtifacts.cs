using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Warehouse.Benchmarks;

/// <summary>
/// The one place the benchmarks turn a synthetic model into the artifacts the runner reads (manifest.json and the
/// SQL): the model's records go through the generator in-process and every artifact is written under a folder, as
/// the MSBuild task would write warehouse/. A 1,000-model project cannot be compiled today (its artifacts exceed the
/// assembly's 16 MB user-string heap, issue 10), so the artifacts are not taken from a build. When the generator
/// hands its artifacts out another way, only the body of <see cref="Write"/> changes.
/// </summary>
public static class SyntheticArtifacts
{
    /// <summary>Generates the model's artifacts and writes each one under <paramref name="directory"/>.</summary>
    /// <returns>How many files were written.</returns>
    public static int Write(SyntheticModel model, string directory)
    {
        // Untracked, as csc runs the generator: step tracking only records what the benchmarks' checks inspect.
        var result = new GeneratorHarness(model, trackSteps: false).FullRun().GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"the generator reported {errors.Count} error(s), first: {errors[0]}");

        // Today's generator emits each artifact as a class with `const string Path` and `const string Content`
        // (verbatim literals); read them from the syntax trees as tests/Warehouse.Generators.Tests/GeneratedArtifacts.cs does.
        int written = 0;
        foreach (var tree in result.GeneratedTrees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                string? Constant(string name) => type.Members.OfType<FieldDeclarationSyntax>()
                    .SelectMany(f => f.Declaration.Variables)
                    .FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value is LiteralExpressionSyntax literal
                        ? literal.Token.ValueText
                        : null;

                if (Constant("Path") is not { } path || Constant("Content") is not { } content)
                    continue;
                string file = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, content);
                written++;
            }
        }

        if (written == 0)
            throw new InvalidOperationException("the generator emitted no artifact");
        return written;
    }
}
