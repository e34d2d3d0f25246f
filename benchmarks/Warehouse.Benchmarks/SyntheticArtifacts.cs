using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Benchmarks;

/// <summary>
/// The one place the benchmarks turn a synthetic model into the artifacts the runner reads (manifest.json and the
/// SQL): the model's records go through the generator in-process and every artifact is written under a folder, as
/// the MSBuild task would write warehouse/: the generated spec constants are rendered by the same
/// <see cref="WarehouseRenderer"/> the task and the runner use. (`write-project` and benchmarks/build/ build the same
/// model as a real project.)
/// </summary>
public static class SyntheticArtifacts
{
    /// <summary>Generates the model's artifacts and writes each one under <paramref name="directory"/>.</summary>
    /// <returns>How many files were written.</returns>
    public static int Write(SyntheticModel model, string directory) =>
        Write(model.Records.Select(r => (r.FileName, r.Text)), directory);

    /// <summary>
    /// The same for any model's C# sources (file name, text): the tests compile hand-written models of other shapes
    /// than the synthetic maker's this way.
    /// </summary>
    public static int Write(IEnumerable<(string FileName, string Text)> sources, string directory)
    {
        // Untracked, as csc runs the generator: step tracking only records what the benchmarks' checks inspect.
        var result = GeneratorHarness.Run(sources);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"the generator reported {errors.Count} error(s), first: {errors[0]}");

        // The generator emits one class per node in Warehouse.Generated.Specs with a `const string Spec`, and
        // WarehouseModel with `const string Project`; render them as the MSBuild task does.
        var specs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? project = null;
        foreach (var type in result.GeneratedTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()))
        {
            string? Constant(string name) => type.Members.OfType<FieldDeclarationSyntax>()
                .SelectMany(f => f.Declaration.Variables)
                .FirstOrDefault(v => v.Identifier.ValueText == name)?.Initializer?.Value is LiteralExpressionSyntax literal
                    ? literal.Token.ValueText
                    : null;

            if (Constant(CompiledModelNames.SpecField) is { } spec) specs[type.Identifier.ValueText] = spec;
            if (type.Identifier.ValueText == CompiledModelNames.ModelClass) project = Constant(CompiledModelNames.ProjectField);
        }

        var rendered = WarehouseRenderer.Render(project ?? throw new InvalidOperationException("the generator emitted no WarehouseModel"), specs.Values);
        if (rendered.Errors.Count > 0)
            throw new InvalidOperationException($"rendering failed: {rendered.Errors[0]}");
        int written = 0;
        foreach (var artifact in rendered.Artifacts)
        {
            string file = Path.Combine(directory, artifact.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, artifact.Content);
            written++;
        }

        if (written == 0)
            throw new InvalidOperationException("the generator emitted no artifact");
        return written;
    }
}
