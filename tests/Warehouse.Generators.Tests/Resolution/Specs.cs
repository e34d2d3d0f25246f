using Warehouse.Generators.Diagnostics;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;

namespace Warehouse.Generators.Tests.Resolution;

/// <summary>Small hand-built specs for the resolver's policies: no source, no compilation.</summary>
internal static class Specs
{
    public static NodeSpec Node(NodeKind kind, string name, params ColumnSpec[] columns) => new()
    {
        Kind = kind,
        TypeName = "Shop." + name,
        Name = name,
        Schema = kind switch
        {
            NodeKind.Source => "bronze",
            NodeKind.Staging => "silver",
            _ => "gold",
        },
        Layer = kind switch
        {
            NodeKind.Source => LayerKind.Bronze,
            NodeKind.Staging => LayerKind.Silver,
            _ => LayerKind.Gold,
        },
        Columns = columns.ToEquatableArray(),
    };

    public static ColumnSpec Column(string name, ColumnRole role = ColumnRole.Attribute, bool nullable = false, SqlTypeKind type = SqlTypeKind.BigInt) => new()
    {
        PropertyName = Naming.ToPascalCase(name),
        Name = name,
        Type = type == SqlTypeKind.Varchar ? new SqlType(type, Length: 256) : new SqlType(type),
        Nullable = nullable,
        Role = role,
    };

    public static ColumnTestSpec Declared(TestKind kind, bool warnOnly = false) =>
        new(kind, warnOnly, EquatableArray<string>.Empty, null, null, null, null);

    /// <summary>A parsed node without locations: diagnostics then fall back to no location, which is all a policy test needs.</summary>
    public static ParsedNode Parsed(NodeSpec spec) =>
        new(spec, EquatableArray<KeyedLocation>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public static string[] Ids(Warehouse.Generators.Resolution.DiagnosticSink sink) => sink.Diagnostics.Select(d => d.Descriptor.Id).ToArray();
}
