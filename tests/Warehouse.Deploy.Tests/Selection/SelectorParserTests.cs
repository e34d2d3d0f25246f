using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Tests.Selection;

public sealed class SelectorParserTests
{
    [Theory]
    [InlineData("gold.orders", SelectorMethod.Node, "gold.orders", null, null, false)]
    [InlineData("+orders", SelectorMethod.Node, "orders", int.MaxValue, null, false)]
    [InlineData("orders+", SelectorMethod.Node, "orders", null, int.MaxValue, false)]
    [InlineData("2+orders+1", SelectorMethod.Node, "orders", 2, 1, false)]
    [InlineData("@stg_orders", SelectorMethod.Node, "stg_orders", null, null, true)]
    [InlineData("layer:gold", SelectorMethod.Layer, "gold", null, null, false)]
    [InlineData("+tag:finance+", SelectorMethod.Tag, "finance", int.MaxValue, int.MaxValue, false)]
    public void Parses_dbt_operators_and_methods(string text, SelectorMethod method, string value, int? parents, int? children, bool childrensParents)
    {
        var set = SelectorParser.Parse("--select", [text]);

        var criterion = Assert.Single(Assert.Single(set.Union));
        Assert.Equal(new SelectorCriterion(text, method, value, parents, children, childrensParents), criterion);
    }

    [Fact]
    public void Spaces_and_repeated_options_are_a_union_and_commas_an_intersection()
    {
        var set = SelectorParser.Parse("--select", ["+gold.orders tag:daily,layer:silver", "stg_b"]);

        Assert.Equal([["+gold.orders"], ["tag:daily", "layer:silver"], ["stg_b"]],
            set.Union.Select(i => i.Select(c => c.Text).ToArray()).ToArray());
        Assert.Equal("--select +gold.orders tag:daily,layer:silver stg_b", set.Text);
    }

    [Theory]
    [InlineData("path:models/x", "--select 'path:models/x' has an unknown method path: (known: layer:, tag:)")]
    [InlineData("@+orders", "--select '@+orders' combines @ and + before the node (@ already adds the ancestors)")]
    [InlineData("a+b", "--select 'a+b' has a graph operator in the middle (+ and @ go before or after the node)")]
    [InlineData("+", "--select '+' names no node")]
    [InlineData("tag:", "--select 'tag:' names no node")]
    [InlineData("a,,b", "--select 'a,,b' has an empty criterion around a comma")]
    [InlineData(" ", "--select '' is empty")]
    public void A_bad_selector_is_one_line_naming_it_and_what_is_accepted(string text, string expected)
    {
        var error = Assert.Throws<WarehouseException>(() => SelectorParser.Parse("--select", [text]));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Equal($"{expected}; {SelectorParser.Accepted}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
