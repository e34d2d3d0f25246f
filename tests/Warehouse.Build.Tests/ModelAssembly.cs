using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Warehouse.Build.Tests;

/// <summary>Compiles model assemblies carrying artifact classes shaped like the generator's output.</summary>
internal static class ModelAssembly
{
    // The running runtime's assemblies: enough for the const fields and the GeneratedCode attribute.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>C# for one artifact class per (path, content), in the contract's namespace and shape.</summary>
    public static string ArtifactSource(params (string Path, string Content)[] artifacts)
    {
        var source = new StringBuilder("namespace Warehouse.Generated.Artifacts\n{\n");
        for (var i = 0; i < artifacts.Length; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $$"""
                [global::System.CodeDom.Compiler.GeneratedCode("Warehouse.Generators", "0.1.0")]
                internal static class Artifact_{{i}}
                {
                    public const string Path = {{SymbolDisplay.FormatLiteral(artifacts[i].Path, quote: true)}};
                    public const string Content = {{SymbolDisplay.FormatLiteral(artifacts[i].Content, quote: true)}};
                }

                """);
        }

        return source.Append("}\n").ToString();
    }

    /// <summary>Compiles <paramref name="source"/> into <paramref name="assemblyPath"/>; fails the test on errors.</summary>
    public static string Compile(string assemblyPath, string source)
    {
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(assemblyPath),
            [CSharpSyntaxTree.ParseText(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = File.Create(assemblyPath);
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return assemblyPath;
    }

    /// <summary>Compiles the artifacts into <paramref name="assemblyPath"/>, replacing any previous build.</summary>
    public static string CompileArtifacts(string assemblyPath, params (string Path, string Content)[] artifacts) =>
        Compile(assemblyPath, ArtifactSource(artifacts));
}
