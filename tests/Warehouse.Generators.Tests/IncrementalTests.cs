using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The pipeline caches: a second run with no change re-encodes nothing, editing one record re-encodes only that
/// record's node (so the build task and the runner re-render only what changed in it), and no step output holds a
/// symbol, syntax node or compilation (which would defeat caching).
/// </summary>
public sealed class IncrementalTests
{
    private const string Fact = """
        using Warehouse.Model;
        namespace Shop;
        [Fact(typeof(StgOrders))]
        [Grain("one row per order", nameof(OrderId))]
        public sealed record FactOrders2
        {
            [DegenerateKey] public long OrderId { get; init; }
            [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
            [Measure] public decimal Amount { get; init; }
        }
        """;

    [Fact]
    public void A_second_run_without_changes_encodes_nothing_again()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ValidModel, Fact);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        foreach (var name in new[] { TrackingNames.Resolve, TrackingNames.Nodes, TrackingNames.Encode, TrackingNames.Index })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }
    }

    [Fact]
    public void Editing_one_record_re_encodes_only_its_node()
    {
        var render = DescribeFactOrders2().GetRunResult().Results[0].TrackedSteps[TrackingNames.Encode];
        var modified = render.SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var single = Assert.Single(modified);
        Assert.Equal("gold.fact_orders2", ((dynamic)single.Value).Id);
        Assert.All(render.SelectMany(s => s.Outputs).Except(modified), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Editing_a_dimension_re_encodes_it_and_the_facts_that_look_it_up()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ValidModel, Fact);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var modelTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Model0.cs");
        var edited = compilation.ReplaceSyntaxTree(modelTree, CSharpSyntaxTree.ParseText(
            GeneratorHarness.ValidModel.Replace("[SurrogateKey] public long CustomerKey", "[SurrogateKey, Column(\"customer_sk\")] public long CustomerKey", StringComparison.Ordinal),
            (CSharpParseOptions)modelTree.Options,
            modelTree.FilePath));
        driver = driver.RunGenerators(edited);

        var outputs = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Encode].SelectMany(s => s.Outputs).ToList();
        var modified = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => (string)((dynamic)o.Value).Id).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "gold.dim_customers", "gold.fact_orders", "gold.fact_orders2" }, modified);
        Assert.Equal(4, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)); // two sources, two staging models
    }

    [Fact]
    public void Editing_a_description_leaves_the_model_index_cached()
    {
        var steps = DescribeFactOrders2().GetRunResult().Results[0].TrackedSteps;

        // WarehouseModel lists names only: a description does not show in it, so its source is not rebuilt.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Assert.Single(steps[TrackingNames.Index]).Outputs).Reason);
    }

    [Fact]
    public void The_generated_source_per_node_does_not_grow_with_the_model()
    {
        // One more fact in the model: the existing nodes' sources are the same text, so each node's C# depends
        // on that node (and what it reads) only, never on the number of models.
        var small = GeneratorHarness.Run(GeneratorHarness.ValidModel).Result.Results[0].GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var large = GeneratorHarness.Run(GeneratorHarness.ValidModel, Fact).Result.Results[0].GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Assert.Contains("Warehouse.gold.fact_orders2.g.cs", large.Keys);
        foreach (var (hint, text) in small.Where(s => s.Key != "Warehouse.Model.g.cs"))
        {
            Assert.Equal(text, large[hint]);
        }
    }

    /// <summary>A warm driver, then a run after a description was added to the FactOrders2 record.</summary>
    private static GeneratorDriver DescribeFactOrders2()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ValidModel, Fact);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var factTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Model1.cs");
        var edited = compilation.ReplaceSyntaxTree(factTree, CSharpSyntaxTree.ParseText(
            Fact.Replace("public sealed record FactOrders2", "[Description(\"Orders as invoiced.\")] public sealed record FactOrders2", StringComparison.Ordinal),
            (CSharpParseOptions)factTree.Options,
            factTree.FilePath));
        return driver.RunGenerators(edited);
    }

    [Fact]
    public void No_step_output_holds_compilation_objects()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ValidModel, Fact);
        var result = GeneratorHarness.Driver().RunGenerators(compilation).GetRunResult().Results[0];

        var ours = new[] { TrackingNames.Parse, TrackingNames.Collect, TrackingNames.Resolve, TrackingNames.Diagnostics, TrackingNames.Nodes, TrackingNames.Encode, TrackingNames.Index }.ToList();
        Assert.All(ours, name => Assert.True(result.TrackedSteps.ContainsKey(name), $"no step named {name} ran"));
        foreach (var (name, steps) in result.TrackedSteps.Where(s => ours.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertFree(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static void AssertFree(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 30 || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel, $"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items) AssertFree(item, step, seen, depth + 1);
        }

        // Walk into the generator's own types only; framework types (descriptors, strings) hold no compilation.
        if (value.GetType().Assembly != typeof(WarehouseGenerator).Assembly) return;
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer) continue;
            AssertFree(field.GetValue(value), step, seen, depth + 1);
        }
    }
}
