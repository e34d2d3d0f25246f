using System.Reflection;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Model.Codec;

namespace Warehouse.Deploy;

/// <summary>
/// The artifacts of the model compiled into a model project's assembly: the generator stores each node's resolved
/// spec there as a constant (in metadata, never as a string literal in IL), and this renders them in memory with
/// the compiler's own emitters, so the runner deploys byte for byte what `dotnet build` wrote to warehouse/,
/// with no folder needed.
/// </summary>
public static class CompiledModelArtifacts
{
    /// <exception cref="WarehouseException">The assembly holds no compiled model, or its specs cannot be rendered.</exception>
    public static IArtifactSource Render(Assembly model)
    {
        string project = model.GetType(CompiledModelNames.ModelType)?.GetField(CompiledModelNames.ProjectField, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new WarehouseException(ExitCodes.BadInput,
                $"{model.GetName().Name} holds no compiled warehouse ({CompiledModelNames.ModelType} is missing): the project needs at least one [Source] record and a build without WH errors");

        // Constants are read from metadata (GetRawConstantValue): no code runs and no string is interned per spec.
        var specs = model.GetTypes()
            .Where(t => t.Namespace == CompiledModelNames.SpecNamespace && !t.IsNested)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.GetField(CompiledModelNames.SpecField, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .OfType<string>();
        var rendered = WarehouseRenderer.Render(project, specs);
        if (rendered.Errors.Count > 0)
        {
            throw new WarehouseException(ExitCodes.BadInput,
                $"the compiled model of {project} cannot be rendered: {rendered.Errors[0]}" + (rendered.Errors.Count > 1 ? $" (and {rendered.Errors.Count - 1} more)" : ""));
        }

        return new InMemoryArtifactSource(rendered.Artifacts.ToDictionary(a => a.Path, a => a.Content, StringComparer.Ordinal));
    }
}
