using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;
using Warehouse.Generators.Output;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// The whole model after cross-record checks: resolved node specs sorted by id (empty when any error was found,
/// so that emitters only ever see a consistent model) and every diagnostic.
/// </summary>
internal sealed record ResolvedWarehouse(string Project, EquatableArray<NodeSpec> Nodes, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The name of every node parsed, errors or not: <c>WarehouseModel</c> lists them, so that code using it
    /// compiles while the model has an error (else every WH error comes with a CS0234 in the user's code).
    /// </summary>
    public EquatableArray<NodeName> Names { get; init; } = EquatableArray<NodeName>.Empty;
}
