using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Tests;

/// <summary>
/// Redshift's physical design on a retail model that is not Banking, compiled from C#: the defaults (a fact on its
/// largest dimension's key, small dimensions ALL, the date key as sort key), the overrides ([Distribution],
/// [SortKey], [assembly: DistributionDefaults]) in the runner's SQL and in dbt's config, and their diagnostics.
/// </summary>
public sealed class PhysicalDesignModelTests
{
    private const string Usings = "using System;\nusing Warehouse.Model;\n";

    private const string Model = """
        namespace Retail;

        [Source("landing/sales/")]
        public sealed record RawSales
        {
            public long SaleId { get; init; }
            public long DayId { get; init; }
            public long StoreId { get; init; }
            public long ProductId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
        }

        [Source("landing/days/")] public sealed record RawDays { public long DayId { get; init; } public DateOnly Day { get; init; } }
        [Source("landing/stores/")] public sealed record RawStores { public long StoreId { get; init; } public required string City { get; init; } }
        [Source("landing/products/")] public sealed record RawProducts { public long ProductId { get; init; } public required string Title { get; init; } }
        [Source("landing/customers/")] public sealed record RawCustomers { public long CustomerId { get; init; } public required string Segment { get; init; } }

        [Staging(typeof(RawSales), Key = nameof(SaleId))]
        public sealed record StgSales
        {
            public long SaleId { get; init; }
            public long DayId { get; init; }
            public long StoreId { get; init; }
            public long ProductId { get; init; }
            public long CustomerId { get; init; }
            public decimal Amount { get; init; }
        }

        [Staging(typeof(RawDays), Key = nameof(DayId))] public sealed record StgDays { public long DayId { get; init; } public DateOnly Day { get; init; } }
        [Staging(typeof(RawStores), Key = nameof(StoreId))] public sealed record StgStores { public long StoreId { get; init; } public required string City { get; init; } }
        [Staging(typeof(RawProducts), Key = nameof(ProductId))] public sealed record StgProducts { public long ProductId { get; init; } public required string Title { get; init; } }
        [Staging(typeof(RawCustomers), Key = nameof(CustomerId))] public sealed record StgCustomers { public long CustomerId { get; init; } public required string Segment { get; init; } }

        [Dimension(typeof(StgDays), DateColumn = nameof(Day))]
        public sealed record DimDays { [SurrogateKey] public long DayKey { get; init; } [BusinessKey] public long DayId { get; init; } public DateOnly Day { get; init; } }

        [Dimension(typeof(StgStores))]
        public sealed record DimStores { [SurrogateKey] public long StoreKey { get; init; } [BusinessKey] public long StoreId { get; init; } public required string City { get; init; } }

        [Dimension(typeof(StgProducts), ExpectedRows = 5_000_000)]
        public sealed record DimProducts { [SurrogateKey] public long ProductKey { get; init; } [BusinessKey] public long ProductId { get; init; } public required string Title { get; init; } }

        [Dimension(typeof(StgCustomers), Scd = ScdType.Type2)]
        public sealed record DimCustomers { [SurrogateKey] public long CustomerKey { get; init; } [BusinessKey] public long CustomerId { get; init; } public required string Segment { get; init; } }

        /*fact attributes*/
        [Fact(typeof(StgSales))]
        [Grain("one row per sale", nameof(SaleId))]
        public sealed record FactSales
        {
            [DegenerateKey] public long SaleId { get; init; }
            [References(typeof(DimDays))] public long DayKey { get; init; }
            [References(typeof(DimStores))] public long StoreKey { get; init; }
            [References(typeof(DimProducts))] public long ProductKey { get; init; }
            [References(typeof(DimCustomers))] public long CustomerKey { get; init; }
            [Measure] public decimal Amount { get; init; }
        }
        """;

    private static string TableOptions(IReadOnlyDictionary<string, string> artifacts, string table)
    {
        var sql = artifacts[$"redshift/gold/{table}.sql"];
        var create = sql[sql.IndexOf("CREATE TABLE IF NOT EXISTS \"gold\"", StringComparison.Ordinal)..];
        return create[(create.IndexOf("\n)\n", StringComparison.Ordinal) + 3)..create.IndexOf(';', StringComparison.Ordinal)].Replace("\n", " ", StringComparison.Ordinal);
    }

    private static string DbtConfig(IReadOnlyDictionary<string, string> artifacts, string table) =>
        artifacts[$"dbt/models/gold/{table}.sql"].Split('\n')[0];

    [Fact]
    public void By_default_the_fact_follows_its_largest_dimension_small_ones_are_copied_and_the_date_key_sorts()
    {
        var artifacts = GeneratedArtifacts.Of(Usings + Model);

        Assert.Equal("DISTSTYLE KEY DISTKEY (\"product_key\") COMPOUND SORTKEY (\"day_key\")", TableOptions(artifacts, "fact_sales"));
        Assert.Equal("DISTSTYLE KEY DISTKEY (\"product_key\") COMPOUND SORTKEY (\"product_key\")", TableOptions(artifacts, "dim_products"));
        Assert.Equal("DISTSTYLE KEY DISTKEY (\"customer_key\") COMPOUND SORTKEY (\"customer_key\")", TableOptions(artifacts, "dim_customers"));
        Assert.Equal("DISTSTYLE ALL COMPOUND SORTKEY (\"store_key\")", TableOptions(artifacts, "dim_stores"));
        Assert.Equal("DISTSTYLE ALL COMPOUND SORTKEY (\"day_key\")", TableOptions(artifacts, "dim_days"));
        Assert.Contains("dist='product_key', sort=['day_key']", DbtConfig(artifacts, "fact_sales"), StringComparison.Ordinal);
        Assert.Contains("dist='all', sort=['store_key']", DbtConfig(artifacts, "dim_stores"), StringComparison.Ordinal);
        // Only Redshift has a physical layout.
        Assert.DoesNotContain("DIST", artifacts["postgres/gold/fact_sales.sql"], StringComparison.Ordinal);
        Assert.DoesNotContain("DIST", artifacts["duckdb/gold/fact_sales.sql"], StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_and_the_models_threshold_override_the_defaults_in_the_sql_and_in_dbt()
    {
        var model = Model
            .Replace("/*fact attributes*/", "[Distribution(nameof(CustomerKey)), SortKey(nameof(DayKey), nameof(StoreKey))]", StringComparison.Ordinal)
            .Replace("[Dimension(typeof(StgStores))]", "[Dimension(typeof(StgStores)), Distribution(DistributionStyle.Even)]", StringComparison.Ordinal);
        // 10 million rows: the 5-million-row product dimension becomes small, the type-2 customers count as 10 million.
        var artifacts = GeneratedArtifacts.Of(Usings + "[assembly: DistributionDefaults(AllBelowRows = 10_000_000)]\n" + model);

        Assert.Equal("DISTSTYLE KEY DISTKEY (\"customer_key\") COMPOUND SORTKEY (\"day_key\", \"store_key\")", TableOptions(artifacts, "fact_sales"));
        Assert.Equal("DISTSTYLE EVEN COMPOUND SORTKEY (\"store_key\")", TableOptions(artifacts, "dim_stores"));
        Assert.Equal("DISTSTYLE ALL COMPOUND SORTKEY (\"product_key\")", TableOptions(artifacts, "dim_products"));
        Assert.Contains("dist='customer_key', sort=['day_key', 'store_key']", DbtConfig(artifacts, "fact_sales"), StringComparison.Ordinal);
        Assert.Contains("dist='even'", DbtConfig(artifacts, "dim_stores"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_distributed_on_a_small_dimensions_key_is_warned_at_its_attribute_and_a_large_ones_is_not()
    {
        var onStores = Usings + Model.Replace("/*fact attributes*/", "[Distribution(nameof(StoreKey))]", StringComparison.Ordinal);
        var onCustomers = Usings + Model.Replace("/*fact attributes*/", "[Distribution(nameof(CustomerKey))]", StringComparison.Ordinal);

        var (warned, _, result) = GeneratorHarness.Run(onStores);
        var (silent, _, _) = GeneratorHarness.Run(onCustomers);

        var warning = Assert.Single(warned);
        Assert.Equal("WH0028", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(LineOf(onStores, "[Distribution(nameof(StoreKey))]"), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("DISTKEY (\"store_key\")", GeneratedArtifacts.Of(result)["redshift/gold/fact_sales.sql"], StringComparison.Ordinal);   // a warning still builds
        Assert.Empty(silent);
    }

    [Fact]
    public void A_threshold_below_one_row_is_an_error_at_the_assembly_attribute()
    {
        var source = Usings + "[assembly: DistributionDefaults(AllBelowRows = 0)]\n" + Model;

        var (generator, _, _) = GeneratorHarness.Run(source);

        var error = Assert.Single(generator);
        Assert.Equal("WH0027", error.Id);
        Assert.Equal(LineOf(source, "[assembly: DistributionDefaults"), error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(GeneratorHarness.Run(Usings + "[assembly: DistributionDefaults(AllBelowRows = 1)]\n" + Model).Generator);
    }

    private static int LineOf(string source, string text) =>
        source.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));
}
