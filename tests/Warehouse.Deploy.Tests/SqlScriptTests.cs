using Warehouse.Deploy.Sql;

namespace Warehouse.Deploy.Tests;

public sealed class SqlScriptTests
{
    [Fact]
    public void Splits_on_semicolons_outside_quotes_and_comments()
    {
        const string script = """
            -- header comment; not a statement end
            CREATE TABLE a (x TEXT);
            INSERT INTO a VALUES ('semi;colon', 'it''s; fine');
            /* block; comment */ SELECT "odd;name" FROM a;
            SELECT $$dollar;quoted$$;
            -- trailing comment only
            """;

        var statements = SqlScriptSplitter.Split(script);

        Assert.Equal(4, statements.Count);
        Assert.StartsWith("-- header comment; not a statement end\nCREATE TABLE a", statements[0].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("INSERT INTO a VALUES ('semi;colon', 'it''s; fine')", statements[1]);
        Assert.Equal("/* block; comment */ SELECT \"odd;name\" FROM a", statements[2]);
        Assert.Equal("SELECT $$dollar;quoted$$", statements[3]);
    }

    [Fact]
    public void Keeps_a_last_statement_without_semicolon()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], SqlScriptSplitter.Split("SELECT 1;\nSELECT 2\n"));
    }

    [Fact]
    public void Substitutes_variables_escaping_quotes()
    {
        var values = new Dictionary<string, string> { ["lake_root"] = "/data/o'brien", ["batch_at"] = "2024-01-01 00:00:00" };

        string sql = SqlVariables.Substitute("SELECT '{{lake_root}}/x', '{{ batch_at }}'", values, "t.sql");

        Assert.Equal("SELECT '/data/o''brien/x', '2024-01-01 00:00:00'", sql);
    }

    [Fact]
    public void Unknown_variable_is_one_clear_error()
    {
        var e = Assert.Throws<WarehouseException>(() =>
            SqlVariables.Substitute("SELECT '{{nope}}'", new Dictionary<string, string> { ["batch_at"] = "x" }, "silver/a.sql"));

        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Equal("silver/a.sql: unknown variable {{nope}} (known: batch_at, lbrace)", e.Message);
    }

    [Theory]
    [InlineData("{{lake_root}} and {{ batch_at }}")]
    [InlineData("{{{x}}} and {{{{y}}}}")]
    [InlineData("{{nope}}")]
    [InlineData("{{lbrace}}")]
    [InlineData("ends with {")]
    [InlineData("{")]
    [InlineData("it's {{ batch_at }}'; DROP TABLE t; --")]
    public void Text_from_the_model_comes_back_exactly_and_is_never_a_variable(string text)
    {
        var values = new Dictionary<string, string> { ["lake_root"] = "/lake", ["batch_at"] = "2024-01-01 00:00:00" };

        Assert.Equal(text, SqlVariables.Substitute(Warehouse.Generators.Emitters.Escaping.RunnerText.Escape(text), values, "t.sql"));
        Assert.Equal("/lake{" + text, SqlVariables.Substitute("{{lake_root}}{{lbrace}}" + Warehouse.Generators.Emitters.Escaping.RunnerText.Escape(text), values, "t.sql"));
    }
}
