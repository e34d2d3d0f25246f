using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>
/// The whole model after cross-record checks: resolved node specs sorted by id (empty when any error was found,
/// so that emitters only ever see a consistent model) and every diagnostic.
/// </summary>
internal sealed record ResolvedWarehouse(string Project, EquatableArray<NodeSpec> Nodes, EquatableArray<DiagnosticInfo> Diagnostics);
