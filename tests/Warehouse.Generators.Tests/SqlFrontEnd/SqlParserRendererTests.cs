using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Tests.SqlFrontEnd;

/// <summary>The SQL front end without the compiler: parsing, its guards, and rendering per dialect.</summary>
public sealed class SqlParserRendererTests
{
    private static SqlQuery Parse(string sql)
    {
        var outcome = SqlParser.Parse(new[] { new SqlPart(sql, null) }.ToEquatableArray());
        Assert.True(outcome.Query is not null, $"{outcome.Error} at {outcome.ErrorOffset}: {sql.Substring(System.Math.Max(0, outcome.ErrorOffset - 60), System.Math.Min(80, sql.Length - System.Math.Max(0, outcome.ErrorOffset - 60)))}");
        return outcome.Query!;
    }

    private static string Render(string sql, string dialect) =>
        SqlRenderer.Render(Parse(sql), SqlDialect.All.Single(d => d.Name == dialect), _ => "\"t\"");

    [Theory]
    [InlineData("SELECT SUM(amount) FILTER (WHERE amount > 0) AS s FROM t", "redshift", "SUM(CASE WHEN amount > 0 THEN amount END) AS s")]
    [InlineData("SELECT COUNT(*) FILTER (WHERE amount > 0) AS n FROM t", "redshift", "COUNT(CASE WHEN amount > 0 THEN 1 END) AS n")]
    [InlineData("SELECT COUNT(DISTINCT id) FILTER (WHERE amount > 0) AS n FROM t", "redshift", "COUNT(DISTINCT CASE WHEN amount > 0 THEN id END) AS n")]
    [InlineData("SELECT SUM(amount) FILTER (WHERE amount > 0) AS s FROM t", "duckdb", "SUM(amount) FILTER (WHERE amount > 0) AS s")]
    [InlineData("SELECT SUM(amount) FILTER (WHERE amount > 0) AS s FROM t", "postgres", "SUM(amount) FILTER (WHERE amount > 0) AS s")]
    [InlineData("SELECT x::double AS d FROM t", "postgres", "CAST(x AS DOUBLE PRECISION) AS d")]
    [InlineData("SELECT x::double AS d FROM t", "duckdb", "CAST(x AS DOUBLE) AS d")]
    [InlineData("SELECT CAST(x AS varchar(10)) AS v FROM t", "redshift", "CAST(x AS VARCHAR(10)) AS v")]
    [InlineData("SELECT now() AS n FROM t", "redshift", "GETDATE() AS n")]
    [InlineData("SELECT nvl(a, b) AS n FROM t", "duckdb", "COALESCE(a, b) AS n")]
    [InlineData("SELECT year(d) AS y FROM t", "postgres", "CAST(EXTRACT(YEAR FROM d) AS INTEGER) AS y")]
    [InlineData("SELECT initcap(name) AS n FROM t", "duckdb", "ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL(name, '[0-9A-Za-z")]
    [InlineData("SELECT initcap(name) AS n FROM t", "postgres", "\"_warehouse\".\"initcap\"(name) AS n")]
    [InlineData("SELECT a IS DISTINCT FROM b AS d FROM t", "redshift", "(a <> b OR (a IS NULL AND b IS NOT NULL) OR (a IS NOT NULL AND b IS NULL)) AS d")]
    [InlineData("SELECT DATE '2024-01-31' AS d FROM t", "duckdb", "CAST('2024-01-31' AS DATE) AS d")]
    [InlineData("SELECT \"Select\", \"order\" FROM t", "duckdb", "\"Select\",\n    \"order\"")]
    [InlineData("SELECT 'a{{ env_var(''X'') }}{%b{#c' AS t FROM t", "duckdb", "('a{' || '{ env_var(''X'') }}{' || '%b{' || '#c') AS t")]
    public void Renders_from_the_tree_in_each_dialect(string sql, string dialect, string expected)
    {
        Assert.Contains(expected, Render(sql, dialect), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlFrontEndSamples.ValidBodies)]
    [InlineData("WITH a AS (SELECT 1 AS x) SELECT x FROM a UNION SELECT 2 ORDER BY 1 LIMIT 1")]
    [InlineData("SELECT a.x, b.y FROM t AS a LEFT JOIN (t AS b JOIN t AS c ON b.x = c.x) ON a.x = b.x NATURAL JOIN t AS d")]
    public void A_rendered_body_parses_again_and_outside_catalog_functions_renders_to_itself(string text)
    {
        foreach (var sql in Bodies(text))
        {
            // DuckDB's INITCAP is a lambda expression, PostgreSQL's a function of _setup.sql's schema: outside the
            // SELECT language users write.
            foreach (var dialect in sql.Contains("initcap(", StringComparison.OrdinalIgnoreCase) ? new[] { SqlDialect.Redshift } : new[] { SqlDialect.Postgres, SqlDialect.Redshift })
            {
                var once = SqlRenderer.Render(Parse(sql), dialect, i => "t" + i);
                var twice = SqlRenderer.Render(Parse(once), dialect, i => "t" + i);
                // A catalog function is spelled with the engine's function of the same name inside the semantics'
                // casts (length is CAST(LENGTH(x) AS INTEGER)), so a rendering read back is spelled once more
                // around itself; the rest of the language renders to itself.
                if (!CallsCatalogFunction(Parse(sql))) Assert.Equal(once, twice);
            }
        }
    }

    private static bool CallsCatalogFunction(SqlQuery query) =>
        System.Text.RegularExpressions.Regex.IsMatch(SqlRenderer.Render(query, SqlDialect.Redshift, i => "t" + i), @"\b(" + string.Join("|", Warehouse.Generators.Dialects.FunctionCatalog.Arity.Keys) + @")\s*\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>The SQL of each attribute in a C# snippet, with its <c>{nameof(...)}</c> holes read as table names.</summary>
    private static IEnumerable<string> Bodies(string text)
    {
        if (!text.Contains("$\"\"\"", StringComparison.Ordinal)) return new[] { text };
        return text.Split("$\"\"\"").Skip(1).Select(b => System.Text.RegularExpressions.Regex.Replace(b[..b.IndexOf("\"\"\"", StringComparison.Ordinal)], @"\{nameof\((\w+)\)\}", "$1"));
    }

    [Theory]
    [InlineData("SELECT", "expected an expression, found the end of the query")]
    [InlineData("SELECT a FROM t WHERE", "expected an expression, found the end of the query")]
    [InlineData("SELECT a FROM t t2 t3", "expected the end of the query, found 't3'")]
    [InlineData("SELECT CASE WHEN a THEN b FROM t", "expected END, found 'from'")]
    [InlineData("SELECT a FROM (SELECT 1)", "a subquery in FROM needs an alias (AS name), found the end of the query")]
    [InlineData("SELECT a ? b", "'?' has no meaning here")]
    [InlineData("SELECT /* open", "the comment is not closed with */")]
    [InlineData("SELECT a FROM t JOIN u", "expected ON or USING after the joined table, found the end of the query")]
    [InlineData("SELECT \"{{lake_root}}\" FROM t", "a quoted name cannot contain '{' or '}'")]
    public void Reports_the_first_error_with_its_offset(string sql, string error)
    {
        var outcome = SqlParser.Parse(new[] { new SqlPart(sql, null) }.ToEquatableArray());
        Assert.Null(outcome.Query);
        Assert.Equal(error, outcome.Error);
        Assert.InRange(outcome.ErrorOffset, 0, sql.Length);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("NOT ", "")]
    [InlineData("- ", "")]
    [InlineData("(SELECT ", ")")]
    public void Deep_nesting_is_an_error_not_a_stack_overflow(string open, string close)
    {
        var depth = 100_000;
        var sql = "SELECT " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var outcome = SqlParser.Parse(new[] { new SqlPart(sql, null) }.ToEquatableArray());
        Assert.Equal($"the query nests deeper than {SqlParser.MaxDepth} levels", outcome.Error);
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" AND TRUE")]
    [InlineData(" || 'a'")]
    [InlineData("::integer")]
    [InlineData(" UNION SELECT 1")]
    [InlineData(" CROSS JOIN t")]
    public void Long_chains_count_as_depth_so_binding_and_rendering_cannot_overflow_the_stack(string link)
    {
        var start = link.Contains("JOIN", StringComparison.Ordinal) ? "SELECT 1 FROM t" : "SELECT 1";
        var sql = start + string.Concat(Enumerable.Repeat(link, 100_000));
        var outcome = SqlParser.Parse(new[] { new SqlPart(sql, null) }.ToEquatableArray());
        Assert.Equal($"the query nests deeper than {SqlParser.MaxDepth} levels", outcome.Error);
        var fits = start + string.Concat(Enumerable.Repeat(link, SqlParser.MaxDepth / 2));
        Assert.NotNull(SqlParser.Parse(new[] { new SqlPart(fits, null) }.ToEquatableArray()).Query);
    }

    [Fact]
    public void Every_prefix_of_a_body_parses_or_fails_without_throwing()
    {
        var sql = string.Join("\n", Bodies(SqlFrontEndSamples.ValidBodies));
        for (var length = 0; length <= sql.Length; length++)
        {
            var outcome = SqlParser.Parse(new[] { new SqlPart(sql[..length], null) }.ToEquatableArray());
            Assert.True(outcome.Query is not null || outcome.Error is not null);
        }
    }
}
