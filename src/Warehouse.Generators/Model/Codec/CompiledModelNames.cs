namespace Warehouse.Generators.Model.Codec;

/// <summary>
/// Where the generated C# keeps the compiled model, the contract between the generator (which writes it), the build
/// task (which reads it from metadata) and the runner (which reads it by reflection): one class per node in
/// <see cref="SpecNamespace"/> with a <see cref="SpecField"/> constant, and <see cref="ModelNamespace"/>.<see cref="ModelClass"/>
/// with a <see cref="ProjectField"/> constant.
/// </summary>
internal static class CompiledModelNames
{
    public const string SpecNamespace = "Warehouse.Generated.Specs";

    public const string SpecField = "Spec";

    public const string ModelNamespace = "Warehouse.Generated";

    public const string ModelClass = "WarehouseModel";

    public const string ModelType = ModelNamespace + "." + ModelClass;

    public const string ProjectField = "Project";
}
