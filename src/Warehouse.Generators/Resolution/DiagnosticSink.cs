using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Resolution;

/// <summary>Where the resolver and its policies put what they find wrong; the resolver sorts and reports it.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics) => _diagnostics.AddRange(diagnostics);

    /// <summary>WH0011: <paramref name="name"/>, named by <paramref name="what"/>, is no column of <paramref name="table"/> (listing its columns).</summary>
    public void UnknownColumn(LocationInfo? location, string what, string name, NodeSpec table) =>
        Report(DiagnosticDescriptors.UnknownColumn, location, what, name, table.TypeName, string.Join(", ", table.Columns.Select(c => c.Name)));
}
