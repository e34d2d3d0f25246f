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
        { "WH0020", """
            [Dimension(typeof(StgCustomers))]
            /*!*/[Rule("known", "customer_id > 0", "customers have ids")]
            public sealed record DimRuled { [SurrogateKey] public long CustomerKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            """ },
        { "WH0020", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            /*!*/[Rule("positive", "amount > 0", "amount must be positive")]
            public sealed record FactRuled { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "WH0020", """
            [Source("landing/derived/")]
            public sealed record RawDerived
            {
                public long Id { get; init; }
                /*!*/[Derived("id * 2")] public long Twice { get; init; }
            }
            """ },
        { "WH0020", """
            [Source("landing/unique/")]
            public sealed record RawUnique
            {
                /*!*/[Unique] public long Id { get; init; }
            }
            """ },
        { "WH0020", """
            [Source("landing/range/")]
            public sealed record RawRange
            {
                public long Id { get; init; }
                /*!*/[Range(0, 10)] public long Score { get; init; }
            }
            """ },
        { "WH0020", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactHistory
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[History, Measure] public decimal Amount { get; init; }
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
        { "WH0040", """
            /*!*/[Fact]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactUnbound { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "WH0041", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgLength
            {
                public long CustomerId { get; init; }
                /*!*/[MaxLength(0)] public required string Name { get; init; }
            }
            """ },
        { "WH0041", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgHugeLength
            {
                public long CustomerId { get; init; }
                /*!*/[MaxLength(100000000)] public required string Name { get; init; }
            }
            """ },
        { "WH0042", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgScale
            {
                public long OrderId { get; init; }
                /*!*/[Precision(5, 10)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0042", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgPrecision
            {
                public long OrderId { get; init; }
                /*!*/[Precision(100, 2)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0042", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgZeroPrecision
            {
                public long OrderId { get; init; }
                /*!*/[Precision(0, 0)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0043", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgNaN
            {
                public long OrderId { get; init; }
                /*!*/[Range(double.NaN, 10)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0043", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgInfinity
            {
                public long OrderId { get; init; }
                /*!*/[Range(0, double.PositiveInfinity)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0043", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgInverted
            {
                public long OrderId { get; init; }
                /*!*/[Range(10, 1)] public decimal Amount { get; init; }
            }
            """ },
        { "WH0044", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgNoValues
            {
                public long CustomerId { get; init; }
                /*!*/[AcceptedValues] public required string Name { get; init; }
            }
            """ },
        { "WH0045", """
            /*!*/[SqlModel("")]
            public sealed record MartEmpty { public long Id { get; init; } }
            """ },
        { "WH0045", """
            /*!*/[SingularTest("  \n ")]
            public sealed record WhiteSpaceTest;
            """ },
        { "WH0047", """
            [Dimension(typeof(StgCustomers))]
            public sealed record DimTwoKeys
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                /*!*/[SurrogateKey] public long OtherKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
            }
            """ },
        { "WH0047", """
            [Dimension(typeof(StgCustomers))]
            public sealed record DimTwoBusinessKeys
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                /*!*/[BusinessKey] public required string Name { get; init; }
            }
            """ },
        { "WH0048", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            [Rule("positive", "amount > 0", "amount must be positive")]
            /*!*/[Rule("positive", "amount > 1", "amount must be above one")]
            public sealed record StgTwoRules { public long OrderId { get; init; } public decimal Amount { get; init; } }
            """ },
        { "WH0049", """
            [Source("landing/both/")]
            /*!*/[Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgAndSource { public long OrderId { get; init; } }
            """ },
        { "WH0050", """
            [SqlModel("SELECT 1 AS id")]
            /*!*/public sealed record MartGeneric<T> { public long Id { get; init; } }
            """ },
        { "WH0051", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgDeep
            {
                public long OrderId { get; init; }
                /*!*/[Derived("DEEP")] public decimal Amount { get; init; }
            }
            """.Replace("DEEP", new string('(', 4000) + "amount" + new string(')', 4000), StringComparison.Ordinal) },
        { "WH0051", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgLongChain
            {
                public long OrderId { get; init; }
                /*!*/[Derived("CHAIN")] public decimal Amount { get; init; }
            }
            """.Replace("CHAIN", string.Join(" + ", Enumerable.Repeat("amount", 200)), StringComparison.Ordinal) },
        { "WH0051", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgDeepCoalesce
            {
                public long OrderId { get; init; }
                /*!*/[Derived("DEEP")] public decimal Amount { get; init; }
            }
            """.Replace("DEEP", string.Concat(Enumerable.Repeat("coalesce(", 600)) + "amount" + string.Concat(Enumerable.Repeat(", 0)", 600)), StringComparison.Ordinal) },
        { "WH0052", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgHuge
            {
                public long OrderId { get; init; }
                /*!*/[Derived("HUGE")] public decimal Amount { get; init; }
            }
            """.Replace("HUGE", string.Join(" + ", Enumerable.Repeat("amount", 4000)), StringComparison.Ordinal) },
        { "WH0052", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgHugeNesting
            {
                public long OrderId { get; init; }
                /*!*/[Derived("DEEP")] public decimal Amount { get; init; }
            }
            """.Replace("DEEP", new string('(', 5000) + "amount" + new string(')', 5000), StringComparison.Ordinal) },
        { "WH0053", """
            /*!*/[Staging(null!, Key = "Id")]
            public sealed record StgNowhere { public long Id { get; init; } }
            """ },
        { "WH0053", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactNullReference
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[References(null!)] public long CustomerKey { get; init; }
            }
            """ },
        { "WH0054", """
            /*!*/[Table("fact_orders_")]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartTwin { public long Id { get; init; } }
            """ },
    };

    /// <summary>Attributes that change nothing where they are: a warning that says where they belong, and the model still builds.</summary>
    public static TheoryData<string> Ineffective => new()
    {
        """
            [Dimension(typeof(StgCustomers))]
            /*!*/[Grain("one row per customer", nameof(CustomerId))]
            public sealed record DimGrained { [SurrogateKey] public long CustomerKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            """,
        """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            /*!*/[Hierarchy("orders", nameof(OrderId))]
            public sealed record FactHierarchy { [DegenerateKey] public long OrderId { get; init; } }
            """,
        """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            public sealed record StgLongLength
            {
                /*!*/[MaxLength(10)] public long OrderId { get; init; }
            }
            """,
    };

    [Theory]
    [MemberData(nameof(Ineffective))]
    public void An_attribute_without_effect_is_a_warning_at_its_line(string snippet)
    {
        var source = Header + snippet;
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));
        var (generator, compiler, result) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator);
        Assert.Equal("WH0046", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(compiler);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName.StartsWith("Warehouse.gold.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DimLocations", "LocationKey")]
    [InlineData("DimCategories", "CategoryKey")]
    [InlineData("DimBranches", "BranchKey")]
    [InlineData("DimStatus", "StatusKey")]
    [InlineData("DimAddress", "AddressKey")]
    public void The_missing_surrogate_key_is_suggested_in_the_singular(string dimension, string key)
    {
        var source = Header + $$"""
            [Dimension(typeof(StgCustomers))]
            public sealed record {{dimension}} { [BusinessKey] public long CustomerId { get; init; } }
            """;

        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator);
        Assert.Equal("WH0017", diagnostic.Id);
        Assert.Contains($"'public long {key} {{ get; init; }}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>A [Derived] that does not parse is one error (WH0010), not also "has no upstream column, add [Derived]" (WH0015).</summary>
    [Fact]
    public void An_unparseable_derived_column_is_not_also_reported_as_unread()
    {
        var source = Header + """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgNickname { public long CustomerId { get; init; } [Derived("initcap(nme")] public required string Nickname { get; init; } }
            """;

        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        Assert.Equal("WH0010", Assert.Single(generator).Id);
    }

    /// <summary>A record declared twice is the C# compiler's error (CS0101); the warehouse adds no error per column or table.</summary>
    [Fact]
    public void A_record_declared_twice_adds_no_warehouse_error()
    {
        var source = Header + """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgTwice { public long CustomerId { get; init; } public required string Name { get; init; } }
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgTwice { public long CustomerId { get; init; } public required string Name { get; init; } }
            """;

        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        Assert.Empty(generator);
        Assert.Contains(compiler, d => d.Id == "CS0101");
    }

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

    /// <summary>A bronze table with a column of every family, for the typed-expression cases below.</summary>
    private const string TypedSource = """
        [Source("landing/payments/")]
        public sealed record RawPayments
        {
            public long PaymentId { get; init; }
            public int Quantity { get; init; }
            public int Parts { get; init; }
            public decimal Amount { get; init; }
            public double Rate { get; init; }
            public required string Reference { get; init; }
            public DateOnly PaidOn { get; init; }
            public DateOnly DueOn { get; init; }
            public bool Settled { get; init; }
        }

        """;

    /// <summary>A staging record over <see cref="TypedSource"/> whose one computed column is <paramref name="line"/> (marked <c>/*!*/</c>).</summary>
    private static string TypedColumn(string line) => TypedSource + $$"""
        [Staging(typeof(RawPayments), Key = nameof(PaymentId))]
        public sealed record StgPayments
        {
            public long PaymentId { get; init; }
            /*!*/{{line}}
        }
        """;

    /// <summary>A staging record over <see cref="TypedSource"/> with the rule <paramref name="condition"/> (marked <c>/*!*/</c>) on its own columns.</summary>
    private static string TypedRule(string condition) => TypedSource + $$"""
        [Staging(typeof(RawPayments), Key = nameof(PaymentId))]
        /*!*/[Rule("checked", "{{condition}}", "the payment must pass the check")]
        public sealed record StgPayments
        {
            public long PaymentId { get; init; }
            public int Quantity { get; init; }
            public decimal Amount { get; init; }
            public required string Reference { get; init; }
            public DateOnly PaidOn { get; init; }
            public DateOnly DueOn { get; init; }
            public bool Settled { get; init; }
        }
        """;

    /// <summary>
    /// Type errors in expressions: the id, a part of its message, the mistaken model and its fix, which differs
    /// from it only in the marked line and builds without a diagnostic.
    /// </summary>
    public static TheoryData<string, string, string, string> TypeErrors => new()
    {
        { "WH0061", "text is never converted implicitly",
            TypedColumn("""[Derived("reference")] public decimal Value { get; init; }"""),
            TypedColumn("""[Derived("length(reference)")] public decimal Value { get; init; }""") },
        { "WH0060", "'+' needs numbers, not text (VARCHAR(256)) and a number (INTEGER); text is joined with '||'",
            TypedColumn("""[Derived("reference + 1")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("length(reference) + 1")] public int Value { get; init; }""") },
        { "WH0060", "compares a date (DATE) with a number (INTEGER)",
            TypedRule("paid_on > 20200101"),
            TypedRule("paid_on > due_on") },
        { "WH0060", "CASE branches are of types that do not mix: text (VARCHAR(4)) and a number (INTEGER)",
            TypedColumn("""[Derived("CASE WHEN settled THEN 'paid' ELSE 0 END")] public required string Value { get; init; }"""),
            TypedColumn("""[Derived("CASE WHEN settled THEN 'paid' ELSE 'open' END")] public required string Value { get; init; }""") },
        { "WH0060", "a CASE condition needs a boolean",
            TypedColumn("""[Derived("CASE WHEN quantity THEN 1 ELSE 0 END")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("CASE WHEN quantity > 0 THEN 1 ELSE 0 END")] public int Value { get; init; }""") },
        { "WH0062", "Rule 'checked' is DECIMAL(",
            TypedRule("amount * 2"),
            TypedRule("amount * 2 > 0") },
        { "WH0062", "Rule 'checked' is VARCHAR(",
            TypedRule("reference"),
            TypedRule("reference IS NOT NULL") },
        { "WH0061", "a decimal with a fraction does not go into an integer column",
            TypedColumn("""[Derived("amount * 1.5")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("round(amount * 1.5)")] public int Value { get; init; }""") },
        { "WH0061", "gives DECIMAL(38,6), which does not go into its column of type INTEGER",
            TypedColumn("""[Derived("quantity / parts")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("div(quantity, parts)")] public int Value { get; init; }""") },
        { "WH0060", "div() needs whole numbers",
            TypedColumn("""[Derived("div(amount, 2)")] public long Value { get; init; }"""),
            TypedColumn("""[Derived("div(quantity, 2)")] public long Value { get; init; }""") },
        { "WH0060", "round()'s places must be a whole number",
            TypedColumn("""[Derived("round(amount, quantity)")] public decimal Value { get; init; }"""),
            TypedColumn("""[Derived("round(amount, 1)")] public decimal Value { get; init; }""") },
        { "WH0060", "date_trunc()'s unit must be one of 'year', 'quarter', 'month', 'week'",
            TypedColumn("""[Derived("date_trunc('fortnight', paid_on)")] public DateOnly Value { get; init; }"""),
            TypedColumn("""[Derived("date_trunc('week', paid_on)")] public DateOnly Value { get; init; }""") },
        { "WH0060", "length() needs text, not a number (INTEGER)",
            TypedColumn("""[Derived("length(42)")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("length('42')")] public int Value { get; init; }""") },
        { "WH0060", "NOT needs a boolean, not a number (INTEGER)",
            TypedColumn("""[Derived("NOT quantity")] public bool Value { get; init; }"""),
            TypedColumn("""[Derived("NOT settled")] public bool Value { get; init; }""") },
        { "WH0060", "AND needs a boolean, not a number (INTEGER)",
            TypedColumn("""[Derived("settled AND quantity")] public bool Value { get; init; }"""),
            TypedColumn("""[Derived("settled AND quantity > 0")] public bool Value { get; init; }""") },
        { "WH0060", "LIKE needs text, not a number (INTEGER)",
            TypedColumn("""[Derived("quantity LIKE '1%'")] public bool Value { get; init; }"""),
            TypedColumn("""[Derived("reference LIKE '1%'")] public bool Value { get; init; }""") },
        { "WH0060", "floating-point value has no portable text form",
            TypedColumn("""[Derived("reference || rate")] public required string Value { get; init; }"""),
            TypedColumn("""[Derived("reference || quantity")] public required string Value { get; init; }""") },
        { "WH0061", "text is never converted implicitly",
            TypedColumn("""[Default("'none'")] public decimal Amount { get; init; }"""),
            TypedColumn("""[Default("0")] public decimal Amount { get; init; }""") },
        { "WH0060", "the arguments of coalesce() are of types that do not mix: text (VARCHAR(256)) and a number (INTEGER)",
            TypedColumn("""[Derived("coalesce(reference, 0)")] public required string Value { get; init; }"""),
            TypedColumn("""[Derived("coalesce(reference, '0')")] public required string Value { get; init; }""") },
        { "WH0061", "a floating-point value does not go into an integer column",
            TypedColumn("""[Derived("rate * quantity")] public long Value { get; init; }"""),
            TypedColumn("""[Derived("rate * quantity")] public double Value { get; init; }""") },
        { "WH0061", "a boolean is not a number",
            TypedColumn("""[Derived("settled")] public int Value { get; init; }"""),
            TypedColumn("""[Derived("CASE WHEN settled THEN 1 ELSE 0 END")] public int Value { get; init; }""") },
        { "WH0061", "a decimal with a fraction does not go into an integer column",
            """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactThirds
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[Measure, Derived("amount / 3")] public long Third { get; init; }
            }
            """,
            """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactThirds
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[Measure, Derived("amount / 3")] public decimal Third { get; init; }
            }
            """ },
        { "WH0060", "'*' needs numbers, not text (VARCHAR(256)) and a number (INTEGER)",
            """
            [Dimension(typeof(StgCustomers))]
            public sealed record DimLabels
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                /*!*/[Derived("name * 2")] public required string Label { get; init; }
            }
            """,
            """
            [Dimension(typeof(StgCustomers))]
            public sealed record DimLabels
            {
                [SurrogateKey] public long CustomerKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                /*!*/[Derived("name || 2")] public required string Label { get; init; }
            }
            """ },
        { "WH0060", "a date moves by whole days",
            TypedColumn("""[Derived("paid_on + 1.5")] public DateOnly Value { get; init; }"""),
            TypedColumn("""[Derived("paid_on + 1")] public DateOnly Value { get; init; }""") },
        { "WH0061", "a number is not a date",
            TypedColumn("""[Derived("due_on - paid_on")] public DateOnly Value { get; init; }"""),
            TypedColumn("""[Derived("due_on - paid_on")] public int Value { get; init; }""") },
    };

    [Theory]
    [MemberData(nameof(TypeErrors))]
    public void A_type_error_is_reported_at_its_attribute_and_its_fix_builds(string id, string message, string mistaken, string fixedModel)
    {
        var source = Header + mistaken;
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // The diagnostic spans the attribute that holds the expression, on the marked line.
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));
        Assert.Equal("Model1.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Matches("^(Derived|Default|Rule)\\(\"[^\n]*\"\\)$", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        var (fixedDiagnostics, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, Header + fixedModel);
        Assert.Empty(fixedDiagnostics);
        Assert.Empty(compiler);
    }

    /// <summary>
    /// Typed expressions a model writes as a matter of course, across staging, a dimension and a fact: none may be
    /// reported (concatenating text with numbers, date arithmetic, nested CASE, IN and BETWEEN, greatest over an
    /// integer and a decimal).
    /// </summary>
    [Fact]
    public void Correctly_typed_expressions_in_every_layer_build_without_diagnostics()
    {
        var source = """
            using System;
            using Warehouse.Model;
            namespace Freight;

            [Source("landing/carriers/")]
            public sealed record RawCarriers
            {
                public required string CarrierCode { get; init; }
                public required string CarrierName { get; init; }
                public int Rating { get; init; }
                public DateOnly ContractedOn { get; init; }
            }

            [Source("landing/shipments/")]
            public sealed record RawShipments
            {
                public long ShipmentId { get; init; }
                public required string CarrierCode { get; init; }
                public int Pieces { get; init; }
                [Precision(10, 3)] public decimal Weight { get; init; }
                public decimal Fee { get; init; }
                public DateOnly ShippedOn { get; init; }
                public DateOnly DeliveredOn { get; init; }
                public DateTime ScannedAt { get; init; }
                public bool Express { get; init; }
            }

            [Staging(typeof(RawCarriers), Key = nameof(CarrierCode))]
            [Rule("rated", "rating IN (1, 2, 3, 4, 5) OR rating IS NULL", "a rating is one to five stars")]
            public sealed record StgCarriers
            {
                [Derived("upper(carrier_code)")] public required string CarrierCode { get; init; }
                [Derived("initcap(carrier_name)")] public required string CarrierName { get; init; }
                [Default("3")] public int Rating { get; init; }
                [Derived("year(contracted_on)")] public int ContractYear { get; init; }
                [Derived("date_trunc('month', contracted_on)")] public DateOnly ContractMonth { get; init; }
            }

            [Staging(typeof(RawShipments), Key = nameof(ShipmentId))]
            [Rule("delivered_after_shipping", "delivered_on BETWEEN shipped_on AND shipped_on + 60", "a shipment arrives within 60 days of leaving")]
            [Rule("known_carrier", "carrier_code IN ('DHL', 'UPS', 'FEDEX') AND NOT (pieces < 1)", "a shipment goes with a known carrier")]
            [Rule("scanned", "scanned_at >= shipped_on", "a shipment is scanned once it has left")]
            public sealed record StgShipments
            {
                public long ShipmentId { get; init; }
                public required string CarrierCode { get; init; }
                public int Pieces { get; init; }
                [Precision(10, 3)] public decimal Weight { get; init; }
                public decimal Fee { get; init; }
                public DateOnly ShippedOn { get; init; }
                public DateOnly DeliveredOn { get; init; }
                public DateTime ScannedAt { get; init; }
                public bool Express { get; init; }
                [MaxLength(80), Derived("carrier_code || '-' || shipment_id || '/' || pieces || ' ' || weight || 'kg'")] public required string Label { get; init; }
                [Derived("shipped_on + 3")] public DateOnly PromisedOn { get; init; }
                [Derived("delivered_on - shipped_on")] public int TransitDays { get; init; }
                [Derived("CASE WHEN express THEN CASE WHEN weight > 10 THEN 'heavy express' ELSE 'express' END WHEN pieces IN (1, 2) THEN 'parcel' ELSE 'freight' END")] public required string Service { get; init; }
                [Precision(13, 3), Derived("greatest(pieces, weight)")] public decimal Billable { get; init; }
                [Derived("least(fee, 1000)")] public decimal CappedFee { get; init; }
                [Derived("div(pieces, 2)")] public int Pallets { get; init; }
                [Derived("round(fee * 1.2)")] public long FeeWithTax { get; init; }
                [Derived("concat(month(shipped_on), '/', year(shipped_on))")] public required string Period { get; init; }
            }

            [Dimension(typeof(StgCarriers))]
            public sealed record DimCarriers
            {
                [SurrogateKey] public long CarrierKey { get; init; }
                [BusinessKey] public required string CarrierCode { get; init; }
                [Derived("carrier_name || ' (' || rating || ' stars)'")] public required string DisplayName { get; init; }
                [Derived("rating >= 4 AND contract_year < year(current_date)")] public bool Preferred { get; init; }
                [Derived("CASE WHEN rating BETWEEN 4 AND 5 THEN 'gold' WHEN rating = 3 THEN 'silver' ELSE 'bronze' END")] public required string Tier { get; init; }
            }

            [Fact(typeof(StgShipments))]
            [Grain("one row per shipment", nameof(ShipmentId))]
            public sealed record FactShipments
            {
                [DegenerateKey] public long ShipmentId { get; init; }
                [References(typeof(DimCarriers))] public long CarrierKey { get; init; }
                [Measure] public int Pieces { get; init; }
                [Measure, Derived("fee / pieces")] public decimal FeePerPiece { get; init; }
                [Measure, Derived("coalesce(transit_days, 0) - 3")] public int DaysLate { get; init; }
                [Measure, Derived("fee * pieces + 2.5")] public decimal Charged { get; init; }
                [Derived("delivered_on > promised_on OR transit_days > 7")] public bool Late { get; init; }
                [Derived("nullif(abs(transit_days), 0)")] public int AbsoluteTransitDays { get; init; }
            }
            """;

        var (generator, compiler, _) = GeneratorHarness.Run(source);

        Assert.Empty(generator);
        Assert.Empty(compiler);
    }
}
