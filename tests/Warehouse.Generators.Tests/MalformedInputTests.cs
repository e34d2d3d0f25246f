using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Tests;

/// <summary>
/// Half-typed and malformed code, as an IDE feeds the generator while the user types. The generator must never
/// throw (a crash surfaces only as CS8785 and silently drops all output) and must not report WH0099.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Inputs => new()
    {
        "using Warehouse.Model; [Source(] public record A { }",
        "using Warehouse.Model; [Tag(] [Tag] [SqlModel(\"SELECT 1\")] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Source(null!)] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Staging(typeof(Missing))] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Staging] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Dimension(typeof(A))] public record A { [SurrogateKey] public long K { get; init; } }",
        "using Warehouse.Model; [Fact(typeof(int))] [Grain(null!, null!)] public record A { [References(null!)] public long K { get; init; } }",
        "using Warehouse.Model; [SqlModel($\"SELECT {nameof(Nothing)}\")] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [SqlModel(\"\")] public record A { public long Id { get; init; } public long this[int i] => i; }",
        "using Warehouse.Model; [Analysis($\"SELECT * FROM {nameof(A)}\")] public record A;",
        "using Warehouse.Model; [Source(\"landing/a/\")] public record A { [Derived(\"\")] public long Id { get; init; } [Default(\"'\")] public string? B { get; init; } }",
        "using Warehouse.Model; [Source(\"landing/a/\")] [Source(\"landing/b/\")] public partial record A { public long Id { get; init; } } public partial record A { public long Id2 { get; init; } }",
        "using Warehouse.Model; [Staging(typeof(S), Key = \"\")] [Rule(null!, null!, null!)] public record A { public long Id { get; init; } } [Source(\"x/\")] public record S { public long Id { get; init; } }",
        "using Warehouse.Model; [Dimension(typeof(S), DateColumn = \"Nope\")] [Hierarchy(\"h\", null!)] public record D { [SurrogateKey][BusinessKey] public long Id { get; init; } } [Staging(typeof(S))] public record S;",
        "using Warehouse.Model; public record A { [Unique, Range(1, 0), AcceptedValues(null!), Relationship(null!, null!)] public long Id { get; init; } }",
        "using Warehouse.Model; [assembly: DistributionDefaults(AllBelowRows = -1)] [Distribution((DistributionStyle)9)] [SortKey(null!, \"\")] [Fact(typeof(A))] public record A { public long Id { get; init; } }",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_generator_never_throws(string source)
    {
        var (generator, _, result) = GeneratorHarness.Run(source);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(generator, d => d.Id is "CS8785" or "WH0099");
    }

    /// <summary>Arguments that compile but make no sense (null, empty) reach the parser, which names them at their line.</summary>
    public static TheoryData<string, string> BindingButWrong => new()
    {
        { "WH0021", """
            /*!*/[Tag(null!)]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartNullTag { public long Id { get; init; } }
            """ },
        { "WH0025", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[Distribution(null!)]
            public sealed record StgNullDistribution { public long OrderId { get; init; } }
            """ },
        { "WH0026", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[SortKey(null!)]
            public sealed record StgNullSortKey { public long OrderId { get; init; } }
            """ },
        { "WH0019", """
            /*!*/[Source(null!)]
            public sealed record RawNull { public long Id { get; init; } }
            """ },
        { "WH0019", """
            /*!*/[Source("landing/null/", FilePattern = null!)]
            public sealed record RawNullPattern { public long Id { get; init; } }
            """ },
        { "WH0010", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            /*!*/[Rule(null!, null!, null!)]
            public sealed record StgNullRule { public long CustomerId { get; init; } }
            """ },
        { "WH0010", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgNullDerived
            {
                public long CustomerId { get; init; }
                /*!*/[Derived(null!)] public required string Name { get; init; }
            }
            """ },
        { "WH0011", """
            /*!*/[Staging(typeof(RawCustomers), Key = "")]
            public sealed record StgEmptyKey { public long CustomerId { get; init; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(BindingButWrong))]
    public void Arguments_that_bind_but_are_wrong_are_reported_at_their_line(string id, string snippet)
    {
        var source = "using System;\nusing Warehouse.Model;\nnamespace Shop;\n" + snippet;
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));

        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator, d => d.Id == id);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(generator, d => d.Id == "WH0099");
    }
}
