using Warehouse.Deploy.Lake;

namespace Warehouse.Deploy.Cli;

/// <summary>
/// What a model project adds to the runner, passed to <c>WarehouseCli.RunAsync(args, WarehouseModel.Assembly, extensions)</c>.
/// Everything is optional: the runner knows no model's data, so without an extension it uses only what the manifest
/// says.
/// </summary>
public sealed record WarehouseExtensions
{
    /// <summary>No extensions: the one-line <c>Main</c> without a third argument.</summary>
    public static WarehouseExtensions None { get; } = new();

    /// <summary>
    /// Writes the data of <c>generate</c> and of <c>deploy</c> on an empty lake. Without one, those commands stop and
    /// say so: such a model deploys its own files with <c>deploy --data DIR</c>.
    /// </summary>
    public ILakeDataGenerator? LakeGenerator { get; init; }
}
