using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Tests;

/// <summary>
/// One case per diagnostic: the snippet is added to a valid model; the line marked <c>/*!*/</c> is where the
/// diagnostic must point. The valid model alone must produce no diagnostic at all.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "using System;\nusing Warehouse.Model;\nnamespace Shop;\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "WH0001", """
            /*!*/[Staging(typeof(string), Key = "Id")]
            public sealed record StgStrings { public long Id { get; init; } }
            """ },
        { "WH0002", """
            /*!*/[Dimension(typeof(RawCustomers))]
            public sealed record DimWrong { [SurrogateKey] public long WrongKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            """ },
        { "WH0003", """
            /*!*/[SqlModel($"SELECT * FROM {nameof(LoopB)}")]
            public sealed record LoopA { public long Id { get; init; } }
            [SqlModel($"SELECT * FROM {nameof(LoopA)}")]
            public sealed record LoopB { public long Id { get; init; } }
            """ },
        { "WH0004", """
            /*!*/[Fact(typeof(StgOrders))]
            public sealed record FactNoGrain { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "WH0005", """
            [Fact(typeof(StgOrders))]
            /*!*/[Grain("one row per amount", nameof(Amount))]
            public sealed record FactBadGrain { [DegenerateKey] public long OrderId { get; init; } [Measure] public decimal Amount { get; init; } }
            """ },
        { "WH0006", """
            /*!*/[Dimension(typeof(StgCustomers), Scd = ScdType.Type2)]
            public sealed record DimNoBusinessKey { [SurrogateKey] public long CustomerKey { get; init; } public long CustomerId { get; init; } }
            """ },
        { "WH0007", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactIntKey
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[References(typeof(DimCustomers))] public int CustomerKey { get; init; }
            }
            """ },
        { "WH0008", """
            /*!*/[Table("stg_customers", Schema = "silver")]
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgCustomersAgain { public long CustomerId { get; init; } }
            """ },
        { "WH0009", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgTwice
            {
                public long OrderId { get; init; }
                /*!*/[Column("order_id")] public long OtherId { get; init; }
            }
            """ },
        { "WH0010", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgBadExpression
            {
                public long CustomerId { get; init; }
                /*!*/[Derived("initcap(name")] public required string Name { get; init; }
            }
            """ },
        { "WH0011", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgTypo
            {
                public long CustomerId { get; init; }
                /*!*/[Derived("initcap(nme)")] public required string Name { get; init; }
            }
            """ },
        { "WH0012", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgBadName
            {
                public long CustomerId { get; init; }
                /*!*/[Column("Full Name"), Derived("name")] public required string Name { get; init; }
            }
            """ },
        { "WH0013", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgReserved
            {
                public long CustomerId { get; init; }
                /*!*/[Derived("name")] public required string Select { get; init; }
            }
            """ },
        { "WH0014", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgGuid
            {
                public long CustomerId { get; init; }
                /*!*/public Guid Token { get; init; }
            }
            """ },
        { "WH0015", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgMissing
            {
                public long CustomerId { get; init; }
                /*!*/public required string Nickname { get; init; }
            }
            """ },
        { "WH0016", """
            /*!*/[Staging(typeof(RawCustomers))]
            public sealed record StgNoKey { public long CustomerId { get; init; } }
            """ },
        { "WH0017", """
            /*!*/[Dimension(typeof(StgCustomers))]
            public sealed record DimNoSurrogate { [BusinessKey] public long CustomerId { get; init; } }
            """ },
        { "WH0018", """
            /*!*/[Source("landing/empty/")]
            public sealed record RawEmpty;
            """ },
        { "WH0019", """
            /*!*/[Source("landing/no-slash")]
            public sealed record RawNoSlash { public long Id { get; init; } }
            """ },
        { "WH0020", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgMeasure
            {
                public long OrderId { get; init; }
                /*!*/[Measure] public decimal Amount { get; init; }
            }
            """ },
        { "WH0021", """
            [Tag("finance")]
            /*!*/[Tag("daily sales")]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartTagged { public long Id { get; init; } }
            """ },
        { "WH0021", """
            [SqlModel("SELECT 1 AS id")]
            /*!*/[Tag("")]
            public sealed record MartEmptyTag { public long Id { get; init; } }
            """ },
        { "WH0021", """
            /*!*/[Tag("{{ env_var('SECRET') }}")]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartJinjaTag { public long Id { get; init; } }
            """ },
        { "WH0021", """
            /*!*/[Tag("finance,daily")]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartCommaTag { public long Id { get; init; } }
            """ },
        { "WH0011", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            /*!*/[Distribution("customer")]
            public sealed record FactDistributedOnTypo { [DegenerateKey] public long OrderId { get; init; } [References(typeof(DimCustomers))] public long CustomerKey { get; init; } }
            """ },
        { "WH0011", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[SortKey(nameof(OrderId), "placed_at")]
            public sealed record StgSortedOnTypo { public long OrderId { get; init; } }
            """ },
        { "WH0020", """
            /*!*/[Distribution(DistributionStyle.All)]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartDistributed { public long Id { get; init; } }
            """ },
        { "WH0020", """
            [Source("landing/sorted/")]
            /*!*/[SortKey(nameof(Id))]
            public sealed record RawSorted { public long Id { get; init; } }
            """ },
        { "WH0025", """
            [Dimension(typeof(StgCustomers))]
            /*!*/[Distribution(DistributionStyle.Key)]
            public sealed record DimKeyWithoutColumn { [SurrogateKey] public long CustomerKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            """ },
        { "WH0026", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[SortKey]
            public sealed record StgSortedOnNothing { public long OrderId { get; init; } }
            """ },
        { "WH0026", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[SortKey(nameof(OrderId), nameof(OrderId))]
            public sealed record StgSortedTwice { public long OrderId { get; init; } }
            """ },
        { "WH0027", """
            /*!*/[Dimension(typeof(StgCustomers), ExpectedRows = -5)]
            public sealed record DimNegativeRows { [SurrogateKey] public long CustomerKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            """ },
    };

    [Fact]
    public void The_valid_model_has_no_diagnostics()
    {
        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel);
        Assert.Empty(generator);
        Assert.Empty(compiler);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_is_reported_at_its_line(string id, string snippet)
    {
        var source = Header + snippet;
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var matching = generator.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count > 0, $"expected {id}, got: {string.Join("; ", generator.Select(d => d.ToString()))}");
        var diagnostic = matching[0];
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Model1.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(generator, d => d.Id == "WH0099");
    }
}
