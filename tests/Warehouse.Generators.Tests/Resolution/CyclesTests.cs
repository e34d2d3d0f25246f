using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

public sealed class CyclesTests
{
    private static NodeSpec Model(string name, params string[] dependsOn) =>
        Node(NodeKind.SqlModel, name) with { DependsOn = dependsOn.ToEquatableArray() };

    [Fact]
    public void A_chain_has_no_cycle()
    {
        Assert.Empty(Cycles.Find([Model("a", "gold.b"), Model("b", "gold.c"), Model("c")]));
    }

    [Fact]
    public void A_cycle_is_found_once_with_its_path_back_to_the_node_that_closes_it()
    {
        var cycle = Assert.Single(Cycles.Find([Model("a", "gold.b"), Model("b", "gold.c"), Model("c", "gold.a")]));

        Assert.Equal("gold.a", cycle.Id);
        Assert.Equal(["gold.a", "gold.b", "gold.c", "gold.a"], cycle.Path);
    }

    [Fact]
    public void A_node_that_reads_itself_is_a_cycle_and_an_unknown_dependency_is_not()
    {
        var cycle = Assert.Single(Cycles.Find([Model("a", "gold.a", "gold.missing")]));

        Assert.Equal(["gold.a", "gold.a"], cycle.Path);
    }

    [Fact]
    public void Two_separate_cycles_are_both_found()
    {
        var cycles = Cycles.Find([Model("a", "gold.b"), Model("b", "gold.a"), Model("c", "gold.d"), Model("d", "gold.c")]);

        Assert.Equal(["gold.a", "gold.c"], cycles.Select(c => c.Id));
    }
}
