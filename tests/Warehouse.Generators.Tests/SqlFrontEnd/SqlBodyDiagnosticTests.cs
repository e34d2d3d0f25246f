using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Tests.SqlFrontEnd;

/// <summary>
/// Deliberately wrong SQL bodies, each caught at build time at its line and column inside the attribute's string:
/// every case names the diagnostic and the source text its span must cover (the first occurrence in the snippet).
/// The snippets are added to <see cref="GeneratorHarness.ValidModel"/>: its fact_orders (order_id, customer_key,
/// amount), dim_customers (type 2: customer_key, customer_id, name, valid_from, valid_to, is_current) and staging.
/// </summary>
public sealed class SqlBodyDiagnosticTests
{
    private const string Header = "using System;\nusing Warehouse.Model;\nnamespace Shop;\n";

    public static TheoryData<string, string, string> WrongQueries => new()
    {
        // WH0090: does not parse.
        { "WH0090", "FROM", """
            [Analysis($"SELECT customer_key, FROM {nameof(FactOrders)}")]
            public sealed record TrailingComma;
            """ },
        { "WH0090", "'open", """
            [Analysis($"SELECT order_id FROM {nameof(FactOrders)} WHERE amount = 'open")]
            public sealed record OpenString;
            """ },
        { "WH0090", "money", """
            [Analysis($"SELECT CAST(amount AS money) AS amount FROM {nameof(FactOrders)}")]
            public sealed record UnknownType;
            """ },
        { "WH0090", "numeric", """
            [Analysis($"SELECT amount::numeric AS amount FROM {nameof(FactOrders)}")]
            public sealed record DecimalWithoutPrecision;
            """ },
        { "WH0090", "gold", """
            [Analysis("SELECT order_id FROM gold.fact_orders")]
            public sealed record TableByName;
            """ },
        // WH0091: unknown column, with a did-you-mean.
        { "WH0091", "o.amout", """
            [Analysis($"SELECT o.amout FROM {nameof(FactOrders)} AS o")]
            public sealed record QualifiedTypo;
            """ },
        { "WH0091", "nmae", """"
            [Analysis($$"""
                SELECT customer_id,
                       nmae
                FROM {{nameof(DimCustomers)}}
                """)]
            public sealed record RawStringTypo;
            """" },
        { "WH0091", "c.customer_keys", """
            [Analysis($"SELECT o.order_id FROM {nameof(FactOrders)} AS o JOIN {nameof(DimCustomers)} AS c ON c.customer_keys = o.customer_key")]
            public sealed record JoinConditionTypo;
            """ },
        { "WH0091", "total FROM", """
            [Analysis($"WITH totals AS (SELECT customer_key, SUM(amount) AS amount FROM {nameof(FactOrders)} GROUP BY customer_key) SELECT total FROM totals")]
            public sealed record CteColumnTypo;
            """ },
        { "WH0091", "c.nam", """
            [Analysis($"SELECT c.customer_id FROM {nameof(DimCustomers)} AS c WHERE EXISTS (SELECT 1 FROM {nameof(FactOrders)} AS o WHERE o.customer_key = c.customer_key AND c.nam = 'x')")]
            public sealed record CorrelatedTypo;
            """ },
        { "WH0091", "amount", """
            [Analysis($"SELECT customer_id FROM {nameof(StgCustomers)} JOIN {nameof(DimCustomers)} USING (amount)")]
            public sealed record UsingTypo;
            """ },
        // WH0092: ambiguous column.
        { "WH0092", "customer_key", """
            [Analysis($"SELECT customer_key FROM {nameof(FactOrders)} AS o JOIN {nameof(DimCustomers)} AS c ON c.customer_key = o.customer_key")]
            public sealed record AmbiguousKey;
            """ },
        // WH0093: tables, aliases and functions that do not bind.
        { "WH0093", "x.amount", """
            [Analysis($"SELECT x.amount FROM {nameof(FactOrders)} AS o")]
            public sealed record UnknownAlias;
            """ },
        { "WH0093", "summ", """
            [Analysis($"SELECT SUMM(amount) AS total FROM {nameof(FactOrders)}")]
            public sealed record UnknownFunction;
            """ },
        { "WH0093", "ROUND", """
            [Analysis($"SELECT ROUND(amount, 2, 3) AS amount FROM {nameof(FactOrders)}")]
            public sealed record WrongArity;
            """ },
        { "WH0093", "fact_orders", """
            [Analysis("SELECT order_id FROM fact_orders")]
            public sealed record TableNotNamedByNameof;
            """ },
        { "WH0093", "SELECT customer_key, amount", """
            [Analysis($"SELECT order_id FROM {nameof(FactOrders)} UNION ALL SELECT customer_key, amount FROM {nameof(FactOrders)}")]
            public sealed record UnionWidths;
            """ },
        { "WH0093", "SUM", """
            [Analysis($"SELECT order_id FROM {nameof(FactOrders)} WHERE SUM(amount) > 10")]
            public sealed record AggregateInWhere;
            """ },
        { "WH0093", "ROW_NUMBER", """
            [Analysis($"SELECT ROW_NUMBER() AS n FROM {nameof(FactOrders)}")]
            public sealed record WindowWithoutOver;
            """ },
        { "WH0093", "upper", """
            [Analysis($"SELECT upper(name) FILTER (WHERE name <> '') AS n FROM {nameof(DimCustomers)}")]
            public sealed record FilterOnScalar;
            """ },
        // WH0094-WH0096: the output contract of a [SqlModel].
        { "WH0094", "NumberOfOrders", """
            [SqlModel($"SELECT customer_key, COUNT(*) AS number_of_order FROM {nameof(FactOrders)} GROUP BY customer_key")]
            public sealed record OrdersPerCustomer
            {
                public long CustomerKey { get; init; }
                public long NumberOfOrders { get; init; }
            }
            """ },
        { "WH0095", "COUNT(*) AS number_of_order", """
            [SqlModel($"SELECT customer_key, COUNT(*) AS number_of_order FROM {nameof(FactOrders)} GROUP BY customer_key")]
            public sealed record OrdersPerCustomerExtra
            {
                public long CustomerKey { get; init; }
            }
            """ },
        { "WH0096", "CAST(amount AS DECIMAL(18,4)) AS amount", """
            [SqlModel($"SELECT order_id, CAST(amount AS DECIMAL(18,4)) AS amount FROM {nameof(FactOrders)}")]
            public sealed record FourPlaces
            {
                public long OrderId { get; init; }
                public decimal Amount { get; init; }
            }
            """ },
        { "WH0096", "name", """
            [SqlModel($"SELECT customer_key, name FROM {nameof(DimCustomers)}")]
            public sealed record ShortNames
            {
                public long CustomerKey { get; init; }
                [MaxLength(10)] public required string Name { get; init; }
            }
            """ },
        { "WH0096", "order_id", """
            [SqlModel($"SELECT order_id FROM {nameof(FactOrders)}")]
            public sealed record NarrowKey
            {
                public int OrderId { get; init; }
            }
            """ },
        // WH0097: a column beside aggregates that is not grouped.
        { "WH0097", "order_id", """
            [Analysis($"SELECT customer_key, order_id, SUM(amount) AS total FROM {nameof(FactOrders)} GROUP BY customer_key")]
            public sealed record NotGrouped;
            """ },
        { "WH0097", "c.name", """
            [Analysis($"SELECT c.customer_id, COUNT(*) AS orders FROM {nameof(DimCustomers)} AS c GROUP BY c.customer_id HAVING c.name <> ''")]
            public sealed record NotGroupedInHaving;
            """ },
        { "WH0097", "amount", """
            [Analysis($"SELECT amount, COUNT(*) AS orders FROM {nameof(FactOrders)}")]
            public sealed record AggregateWithoutGroupBy;
            """ },
        // WH0098: a construct a dialect of the registry lacks, with no portable rewrite.
        { "WH0098", "SELECT", """
            [Analysis($"SELECT DISTINCT ON (customer_key) customer_key, order_id FROM {nameof(FactOrders)} ORDER BY customer_key, order_id")]
            public sealed record FirstOrderPerCustomer;
            """ },
    };

    [Theory]
    [MemberData(nameof(WrongQueries))]
    public void Each_wrong_query_is_reported_at_its_span_inside_the_string(string id, string spanText, string snippet)
    {
        var source = Header + snippet;
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var matching = generator.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count > 0, $"expected {id}, got: {string.Join("; ", generator.Select(d => d.ToString()))}");
        var span = matching[0].Location.SourceSpan;
        Assert.Equal("Model1.cs", matching[0].Location.GetLineSpan().Path);
        Assert.Equal(source.IndexOf(spanText, Header.Length, StringComparison.OrdinalIgnoreCase), span.Start);
        Assert.Equal(spanText, source.Substring(span.Start, spanText.Length), StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(generator, d => d.Id == "WH0099");
    }

    [Fact]
    public void The_suite_has_at_least_twenty_wrong_queries_and_every_sql_diagnostic()
    {
        var cases = WrongQueries.Select(row => (string)row[0]).ToList();
        Assert.True(cases.Count >= 20, $"{cases.Count} wrong queries");
        for (var id = 90; id <= 98; id++) Assert.Contains($"WH00{id}", cases);
    }

    [Theory]
    [InlineData("WH0091", "amout", "did you mean 'amount'?")]
    [InlineData("WH0093", "SUMM(amount)", "did you mean 'sum'?")]
    public void Unknown_names_suggest_the_nearest(string id, string wrong, string suggestion)
    {
        var source = Header + $$"""
            [Analysis($"SELECT {{wrong}} FROM {nameof(FactOrders)}")]
            public sealed record Typo;
            """;
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);
        Assert.Contains(suggestion, Assert.Single(generator, d => d.Id == id).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_suggests_the_returned_one_it_resembles()
    {
        var source = Header + """
            [SqlModel($"SELECT customer_key, COUNT(*) AS number_of_order FROM {nameof(FactOrders)} GROUP BY customer_key")]
            public sealed record OrdersPerCustomer
            {
                public long CustomerKey { get; init; }
                public long NumberOfOrders { get; init; }
            }
            """;
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);
        Assert.Contains("it returns 'number_of_order', did you mean that?", Assert.Single(generator, d => d.Id == "WH0094").GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$\"SELECT\\t\\\"order_id\\\", amout FROM {nameof(FactOrders)}\"")]
    [InlineData("$@\"SELECT \"\"order_id\"\",\n    amout FROM {nameof(FactOrders)}\"")]
    [InlineData("@$\"SELECT \"\"order_id\"\", amout FROM {nameof(FactOrders)}\"")]
    [InlineData("$\"SELECT '{{x}}' AS x, amout FROM {nameof(FactOrders)}\"")]
    [InlineData("\"WITH o AS (SELECT 1 AS order_id) SELECT 'it''s', amout FROM o\"")]
    [InlineData("$\"\"\"\n        SELECT order_id,\n\n               amout\n        FROM {nameof(FactOrders)}\n        \"\"\"")]
    public void Spans_land_on_the_token_in_every_kind_of_string_literal(string literal)
    {
        var source = Header + $"[Analysis({literal})]\npublic sealed record Typo;\n";
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);
        var diagnostic = Assert.Single(generator);
        Assert.Equal("WH0091", diagnostic.Id);
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("amout", source.Substring(span.Start, span.Length));
        var line = source[..span.Start].Count(c => c == '\n');
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(span.Start - source.LastIndexOf('\n', span.Start - 1) - 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void A_body_that_is_not_written_in_place_is_reported_at_its_attribute()
    {
        var source = Header + """
            public static class Texts { public const string Query = "SELECT amout FROM fact_orders"; }
            /*!*/[Analysis(Texts.Query)]
            public sealed record Elsewhere;
            """;
        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);
        var diagnostic = Assert.Single(generator, d => d.Id == "WH0093");
        Assert.Equal(source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal)), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Valid_bodies_using_every_construct_bind_without_diagnostics()
    {
        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, Header + SqlFrontEndSamples.ValidBodies);
        Assert.Empty(generator);
        Assert.Empty(compiler);
    }
}
