using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Warehouse.Generators.Model;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Build.Tests;

/// <summary>Compiles model assemblies carrying spec classes shaped like the generator's output.</summary>
internal static class ModelAssembly
{
    // The running runtime's assemblies: enough for the const fields and the GeneratedCode attribute.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>A bronze source node with one column: the smallest model that renders.</summary>
    public static NodeSpec Source(string name, string column = "id") => new()
    {
        Kind = NodeKind.Source,
        TypeName = "Shop." + name,
        Name = name,
        Schema = "bronze",
        Layer = LayerKind.Bronze,
        Format = new SourceFormatSpec($"landing/{name}/", "*.csv", ',', true),
        Columns = new[] { new ColumnSpec { PropertyName = "Id", Name = column, Type = new SqlType(SqlTypeKind.BigInt) } }.ToEquatableArray(),
    };

    /// <summary>C# for <c>WarehouseModel.Project</c> and one spec class per text, in the contract's namespaces and shape.</summary>
    public static string SpecSource(string project, params string[] specs)
    {
        var source = new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""
            namespace Warehouse.Generated
            {
                internal static class WarehouseModel { public const string Project = {{SymbolDisplay.FormatLiteral(project, quote: true)}}; }
            }
            namespace Warehouse.Generated.Specs
            {

            """);
        for (var i = 0; i < specs.Length; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $$"""
                [global::System.CodeDom.Compiler.GeneratedCode("Warehouse.Generators", "0.1.0")]
                internal static class Node_{{i}}
                {
                    public const string Spec = {{SymbolDisplay.FormatLiteral(specs[i], quote: true)}};
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

    /// <summary>Compiles the nodes' encoded specs into <paramref name="assemblyPath"/>, replacing any previous build.</summary>
    public static string CompileModel(string assemblyPath, params NodeSpec[] nodes) =>
        Compile(assemblyPath, SpecSource("Shop", nodes.Select(NodeSpecCodec.Encode).ToArray()));
}
