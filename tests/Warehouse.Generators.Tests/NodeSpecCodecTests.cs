using Microsoft.CodeAnalysis;
using Warehouse.Generators.Model;
using Warehouse.Generators.Model.Codec;
using Warehouse.Generators.Resolution;
using Warehouse.Testing;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The encoded spec is the compiled model: the build task and the runner render from what it decodes to. Every
/// resolved node of whole models must come back equal by value (records compare every field, and nested
/// arrays element by element), so a spec field the codec forgets fails here, not in a deploy.
/// </summary>
public sealed class NodeSpecCodecTests
{
    [Fact]
    public void Every_Banking_node_round_trips()
    {
        var sources = Directory.GetFiles(Path.Combine(Repository.Root, "samples", "Banking"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileName(f) != "Program.cs")
            .Select(File.ReadAllText)
            .Append("global using System;") // the sample's ImplicitUsings
            .ToArray();

        var nodes = Resolved(sources);

        Assert.Equal(47, nodes.Count);
        Assert.All(nodes, RoundTrips);
    }

    [Fact]
    public void Every_expression_form_and_optional_field_round_trips()
    {
        const string model = """
            using Warehouse.Model;
            namespace Shop;

            [Source("landing/items/", Delimiter = ';', Header = false)]
            [Description("Items with a \"quoted\" name,\nnewlines\r\n, a tab\t and ünïcödé 🚀.")]
            public sealed record RawItems
            {
                public long ItemId { get; init; }
                [MaxLength(40)] public string? Label { get; init; }
                public decimal Price { get; init; }
                public int Quantity { get; init; }
            }

            [Staging(typeof(RawItems), Key = nameof(ItemId))]
            [Rule("shape", "NOT (price < 0) AND quantity BETWEEN 1 AND 9 AND label IS NOT NULL AND item_id NOT IN (1, 2) AND label LIKE 'a%'", "reason with 'quotes' and 12:34 colons")]
            public sealed record StgItems
            {
                public long ItemId { get; init; }
                [MaxLength(40), Derived("CASE WHEN price > 10 THEN upper(label) WHEN price IS NULL THEN NULL ELSE coalesce(label, 'x') || '-' END"), Default("'none'")] public string? Label { get; init; }
                [Derived("-price * 2 + round(price, 1)")] public decimal Price { get; init; }
                public int Quantity { get; init; }
            }
            """;

        var nodes = Resolved(model);

        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, RoundTrips);
    }

    [Theory]
    [InlineData("", "a value was expected")]
    [InlineData("16:warehouse-spec/0", "format 'warehouse-spec/0'")]
    [InlineData("16:" + NodeSpecCodec.Format + "x", "a LENGTH:TEXT token")]
    [InlineData("99:warehouse-spec/1", "runs past the end")]
    public void Text_that_is_no_spec_is_refused_with_its_position(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => NodeSpecCodec.Decode(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_the_last_field_is_refused()
    {
        var node = Resolved(GeneratorHarness.ValidModel)[0];
        var error = Assert.Throws<FormatException>(() => NodeSpecCodec.Decode(NodeSpecCodec.Encode(node) + "1:x"));
        Assert.Contains("text after the last field", error.Message, StringComparison.Ordinal);
    }

    private static void RoundTrips(NodeSpec node)
    {
        var text = NodeSpecCodec.Encode(node);
        var decoded = NodeSpecCodec.Decode(text);
        Assert.Equal(node, decoded);
        Assert.Equal(text, NodeSpecCodec.Encode(decoded));
    }

    private static IReadOnlyList<NodeSpec> Resolved(params string[] sources)
    {
        var (generator, _, result) = GeneratorHarness.Run(sources);
        Assert.Empty(generator);
        var resolved = (ResolvedWarehouse)Assert.Single(Assert.Single(result.Results[0].TrackedSteps[TrackingNames.Resolve]).Outputs).Value;
        return resolved.Nodes;
    }
}
