using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;

namespace Warehouse.Generators.Tests;

/// <summary>The expression language of [Derived], [Default] and [Rule]: parsed once, rendered per dialect.</summary>
public sealed class ExpressionTests
{
    [Theory]
    [InlineData("nvl(email, 'none')", "duckdb", "COALESCE(\"email\", 'none')")]
    [InlineData("concat(first_name, ' ', last_name)", "redshift", "(\"first_name\" || ' ' || \"last_name\")")]
    [InlineData("first_name || ' ' || last_name", "postgres", "((\"first_name\" || ' ') || \"last_name\")")]
    [InlineData("initcap(name)", "postgres", "\"_warehouse\".\"initcap\"(\"name\")")]
    [InlineData("initcap(name)", "redshift", "INITCAP(\"name\")")]
    [InlineData("now()", "redshift", "GETDATE()")]
    [InlineData("current_timestamp", "duckdb", "TIMEZONE('UTC', NOW())")]
    [InlineData("date_trunc('MONTH', booked_at)", "redshift", "CAST(DATE_TRUNC('month', CAST(\"booked_at\" AS TIMESTAMP)) AS TIMESTAMP)")]
    [InlineData("trim(name)", "redshift", "BTRIM(\"name\", ' ')")]
    [InlineData("length(name)", "redshift", "CAST((LEN(\"name\" || '.') - 1) AS INTEGER)")]
    [InlineData("substring(name, 0, 3)", "duckdb", "SUBSTRING(\"name\", GREATEST(0, 1), GREATEST(0 + 3 - GREATEST(0, 1), 0))")]
    [InlineData("name LIKE 'a\\_%'", "duckdb", "(\"name\" LIKE 'a\\_%' ESCAPE '\\')")]
    [InlineData("name LIKE 'a%'", "postgres", "(\"name\" LIKE 'a%' ESCAPE E'\\\\')")]
    [InlineData("quarter(day)", "postgres", "CAST(EXTRACT(QUARTER FROM \"day\") AS INTEGER)")]
    [InlineData("score NOT BETWEEN 300 AND 850", "duckdb", "(\"score\" NOT BETWEEN 300 AND 850)")]
    [InlineData("kind NOT IN ('a', 'b''c')", "duckdb", "(\"kind\" NOT IN ('a', 'b''c'))")]
    [InlineData("email IS NOT NULL AND NOT (amount <= -1.5)", "postgres", "((\"email\" IS NOT NULL) AND NOT ((\"amount\" <= -(1.5))))")]
    [InlineData("CASE WHEN n > 10 THEN 'High' ELSE 'Low' END", "redshift", "CASE WHEN (\"n\" > 10) THEN 'High' ELSE 'Low' END")]
    public void Parses_and_renders_in_each_dialect(string text, string dialect, string expected)
    {
        var outcome = ExpressionParser.Parse(text);
        Assert.Null(outcome.Error);
        var rendered = ExpressionRenderer.Render(outcome.Expression!, SqlDialect.All.Single(d => d.Name == dialect), SqlDialect.Quote);
        Assert.Equal(expected, rendered);
    }

    /// <summary>Expressions over typed columns (as the binder leaves them), spelled by docs/expressions.md's rules.</summary>
    [Theory]
    [InlineData("amount / 100", "postgres", "CAST((\"_warehouse\".\"divide_rounded\"(CAST(\"amount\" AS NUMERIC) * 1000000, CAST(100 AS NUMERIC)) * 0.000001) AS DECIMAL(38,6))")]
    [InlineData("amount / 100", "redshift", "CAST(ROUND(CAST(\"amount\" AS DECIMAL(38, 6)) / NULLIF(100, 0), 6) AS DECIMAL(38,6))")]
    [InlineData("div(amount, 100)", "duckdb", "(\"amount\" // NULLIF(100, 0))")]
    [InlineData("div(amount, 100)", "postgres", "(\"amount\" / NULLIF(100, 0))")]
    [InlineData("amount % 7", "duckdb", "(\"amount\" % NULLIF(7, 0))")]
    [InlineData("price * 2", "postgres", "CAST((\"price\" * 2) AS DECIMAL(28,2))")]
    [InlineData("round(price, 1)", "duckdb", "CAST(ROUND(\"price\", 1) AS DECIMAL(18,1))")]
    [InlineData("round(amount)", "duckdb", "\"amount\"")]
    [InlineData("CASE WHEN amount > 0 THEN 1 ELSE price END", "postgres", "CAST(CASE WHEN (\"amount\" > 0) THEN 1 ELSE \"price\" END AS DECIMAL(18,2))")]
    [InlineData("name || amount || flag", "redshift", "((\"name\" || CAST(\"amount\" AS VARCHAR(65535))) || CASE WHEN \"flag\" THEN 'true' WHEN NOT \"flag\" THEN 'false' END)")]
    [InlineData("opened - 1", "duckdb", "(\"opened\" - 1)")]
    [InlineData("7 + opened", "duckdb", "(\"opened\" + 7)")]
    [InlineData("closed - opened", "postgres", "CAST((\"closed\" - \"opened\") AS INTEGER)")]
    [InlineData("date_trunc('week', opened)", "postgres", "CAST(DATE_TRUNC('week', CAST(\"opened\" AS TIMESTAMP)) AS DATE)")]
    [InlineData("opened >= '2024-02-29'", "duckdb", "(\"opened\" >= CAST('2024-02-29' AS DATE))")]
    [InlineData("booked BETWEEN '2024-01-01' AND '2024-01-31T23:59:59.5'", "postgres", "(\"booked\" BETWEEN CAST('2024-01-01' AS TIMESTAMP) AND CAST('2024-01-31 23:59:59.5' AS TIMESTAMP))")]
    [InlineData("coalesce(closed, '9999-12-31')", "redshift", "COALESCE(\"closed\", CAST('9999-12-31' AS DATE))")]
    public void Typed_expressions_are_spelled_by_their_semantics(string text, string dialect, string expected)
    {
        var bound = Bind(text);
        Assert.Null(ExpressionTypes.Type(bound).Problem);
        Assert.Equal(expected, ExpressionRenderer.Render(bound, SqlDialect.All.Single(d => d.Name == dialect), SqlDialect.Quote));
    }

    /// <summary>A string beside a date is a date only when it is one, in the ISO form bronze dates have; otherwise it stays text, and the comparison a type error.</summary>
    [Theory]
    [InlineData("opened >= '2023-02-29'")]
    [InlineData("opened >= '29.02.2024'")]
    [InlineData("opened IN ('2024-01-01', 'today')")]
    [InlineData("opened = 'tomorrow'")]
    public void A_string_that_is_no_date_is_not_read_as_one(string text)
    {
        Assert.Contains("compares a date (DATE) with text", ExpressionTypes.Type(Bind(text)).Problem, StringComparison.Ordinal);
    }

    private static Expr Bind(string text)
    {
        var columns = new Dictionary<string, SqlType>
        {
            ["amount"] = new(SqlTypeKind.BigInt),
            ["price"] = new(SqlTypeKind.Decimal, Precision: 18, Scale: 2),
            ["name"] = new(SqlTypeKind.Varchar, Length: 40),
            ["flag"] = new(SqlTypeKind.Boolean),
            ["opened"] = new(SqlTypeKind.Date),
            ["closed"] = new(SqlTypeKind.Date),
            ["booked"] = new(SqlTypeKind.Timestamp),
        };
        var unknown = new List<string>();
        var bound = ExpressionBinder.Bind(ExpressionParser.Parse(text).Expression!, n => new ColumnSpec { PropertyName = n, Name = n, Type = columns[n], Nullable = true }, unknown);
        Assert.Empty(unknown);
        return bound;
    }

    [Theory]
    [InlineData("", "the expression is empty", 0)]
    [InlineData("initcap(name", "expected ) to close initcap(", 12)]
    [InlineData("upper(a, b)", "upper() takes 1 argument(s), not 2", 0)]
    [InlineData("soundex(name)", "unknown function 'soundex'", 0)]
    [InlineData("name = 'open", "a string literal is not closed with '", 7)]
    [InlineData("a ? b", "unexpected character '?'", 2)]
    [InlineData("CASE WHEN a THEN b", "expected END to close CASE", 18)]
    [InlineData("amount * 1.2.3", "'1.2.3' is not a number", 9)]
    public void Reports_what_is_wrong_and_where(string text, string error, int offset)
    {
        var outcome = ExpressionParser.Parse(text);
        Assert.Null(outcome.Expression);
        Assert.StartsWith(error, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(offset, outcome.ErrorOffset);
    }

    [Theory]
    [InlineData(ExpressionParser.MaxDepth, true)]
    [InlineData(ExpressionParser.MaxDepth + 1, false)]
    public void Nesting_is_limited(int levels, bool accepted)
    {
        var outcome = ExpressionParser.Parse(new string('(', levels) + "a" + new string(')', levels));
        Assert.Equal(accepted, outcome.Error is null);
        Assert.Equal(accepted ? ExpressionLimit.None : ExpressionLimit.Depth, outcome.Limit);
    }

    [Theory]
    [InlineData(ExpressionParser.MaxDepth, true)]
    [InlineData(ExpressionParser.MaxDepth + 1, false)]
    public void A_chain_of_operators_is_limited_by_its_depth(int terms, bool accepted)
    {
        var outcome = ExpressionParser.Parse(string.Join(" + ", Enumerable.Repeat("a", terms)));
        Assert.Equal(accepted, outcome.Error is null);
        Assert.Equal(accepted ? ExpressionLimit.None : ExpressionLimit.Depth, outcome.Limit);
    }

    /// <summary>Each construct that nests (the parser's recursion) stops at the limit, long before the stack would.</summary>
    [Theory]
    [InlineData("(", ")")]
    [InlineData("NOT ", "")]
    [InlineData("-", "")]
    [InlineData("coalesce(", ", 0)")]
    [InlineData("CASE WHEN a THEN ", " END")]
    public void Every_kind_of_nesting_is_limited(string open, string close)
    {
        const int levels = 300;
        var text = string.Concat(Enumerable.Repeat(open, levels)) + "a" + string.Concat(Enumerable.Repeat(close, levels));
        Assert.InRange(text.Length, 0, ExpressionParser.MaxLength);

        var outcome = ExpressionParser.Parse(text);

        Assert.Equal(ExpressionLimit.Depth, outcome.Limit);
    }

    [Fact]
    public void Text_is_limited_in_length()
    {
        var outcome = ExpressionParser.Parse("a IN (" + string.Join(", ", Enumerable.Range(0, 3000)) + ")");
        Assert.Equal(ExpressionLimit.Length, outcome.Limit);
    }

    /// <summary>
    /// The largest expressions the parser accepts, in the three shapes that stress it (the widest list, the longest
    /// CASE, the deepest chain), parse and render in every dialect well within a build's time: each walk is linear.
    /// </summary>
    [Fact]
    public void The_largest_accepted_expressions_parse_and_render_quickly()
    {
        var widest = "a IN (" + string.Join(", ", Enumerable.Range(0, 1800)) + ")";
        var longestCase = "CASE " + string.Concat(Enumerable.Range(0, 330).Select(i => $"WHEN a = {i} THEN 'v{i}' ")) + "END";
        var deepest = new string('(', ExpressionParser.MaxDepth / 2) + string.Join(" + ", Enumerable.Repeat("a", ExpressionParser.MaxDepth)) + new string(')', ExpressionParser.MaxDepth / 2);
        foreach (var text in new[] { widest, longestCase, deepest })
        {
            Assert.InRange(text.Length, 0, ExpressionParser.MaxLength);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = ExpressionParser.Parse(text);
            Assert.Null(outcome.Error);
            foreach (var dialect in SqlDialect.All)
            {
                Assert.NotEmpty(ExpressionRenderer.Render(outcome.Expression!, dialect, SqlDialect.Quote));
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{text.Length} characters took {watch.Elapsed}");
        }
    }

    [Fact]
    public void Lists_the_columns_an_expression_reads()
    {
        var outcome = ExpressionParser.Parse("CASE WHEN coalesce(a, b) IN (c, 1) THEN d ELSE e || f END");
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f" }, Expr.ColumnsOf(outcome.Expression!).Select(c => c.Name));
    }

    /// <summary>
    /// The catalog is the parser's and the renderer's one list: every function it admits, at its smallest and largest
    /// argument count, parses and renders in every dialect of the registry (a function added to the catalog without a
    /// spelling, or a dialect that cannot spell one, fails here rather than in a user's build).
    /// </summary>
    [Fact]
    public void Every_catalog_function_parses_and_renders_in_every_dialect()
    {
        foreach (var (name, (min, max)) in FunctionCatalog.Arity)
        {
            foreach (int count in new[] { min, max }.Distinct())
            {
                // current_date is the SQL keyword, written without parentheses (as PostgreSQL requires).
                string text = name == "current_date"
                    ? name
                    : $"{name}({string.Join(", ", Enumerable.Range(0, count).Select(i => $"c{i}"))})";
                var outcome = ExpressionParser.Parse(text);
                Assert.True(outcome.Error is null, $"{text}: {outcome.Error}");
                foreach (var dialect in SqlDialect.All)
                {
                    string rendered = ExpressionRenderer.Render(outcome.Expression!, dialect, SqlDialect.Quote);
                    Assert.All(Enumerable.Range(0, count), i => Assert.Contains($"\"c{i}\"", rendered));
                }
            }
        }
    }
}
