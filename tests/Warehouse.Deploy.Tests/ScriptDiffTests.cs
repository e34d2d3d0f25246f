using Warehouse.Deploy.Execution;

namespace Warehouse.Deploy.Tests;

/// <summary>The line diff behind plan --diff, and its test of a change that only adds or widens columns.</summary>
public sealed class ScriptDiffTests
{
    private const string Before = """
        -- silver.customers: the old description
        CREATE TABLE IF NOT EXISTS "silver"."customers" (
            "customer_id" BIGINT NOT NULL,
            "name" VARCHAR(100) NOT NULL
        );
        SELECT -1, 'Unknown';
        INSERT INTO "silver"."customers" ("customer_id", "name")
        SELECT "out__customer_id", CAST(TRIM("src__name") AS VARCHAR(100)) AS "out__name"
        WHERE ("name" IS DISTINCT FROM s."name");
        """;

    [Fact]
    public void Lines_that_name_an_added_column_or_only_gain_values_and_separators_are_additive()
    {
        string after = Before
            .Replace("\"name\" VARCHAR(100) NOT NULL\n", "\"name\" VARCHAR(100) NOT NULL,\n    \"segment\" VARCHAR(20)\n", StringComparison.Ordinal)
            .Replace("SELECT -1, 'Unknown';", "SELECT -1, 'Unknown', NULL;", StringComparison.Ordinal)
            .Replace("(\"customer_id\", \"name\")", "(\"customer_id\", \"name\", \"segment\")", StringComparison.Ordinal)
            .Replace("AS \"out__name\"", "AS \"out__name\", \"out__segment\"", StringComparison.Ordinal)
            .Replace("WHERE (\"name\" IS DISTINCT FROM s.\"name\");", "WHERE (\"name\" IS DISTINCT FROM s.\"name\"\n    OR \"segment\" IS DISTINCT FROM s.\"segment\");", StringComparison.Ordinal)
            .Replace("the old description", "a new description", StringComparison.Ordinal);

        Assert.True(ScriptDiff.OnlyTouches(Before, after, ["segment"]));
        // Without the column named, the lines about it are changes of logic.
        Assert.False(ScriptDiff.OnlyTouches(Before, after, []));
    }

    [Fact]
    public void A_changed_expression_is_not_additive_even_beside_an_added_column()
    {
        string after = Before
            .Replace("(\"customer_id\", \"name\")", "(\"customer_id\", \"name\", \"segment\")", StringComparison.Ordinal)
            .Replace("TRIM(\"src__name\")", "UPPER(TRIM(\"src__name\"))", StringComparison.Ordinal);

        Assert.False(ScriptDiff.OnlyTouches(Before, after, ["segment"]));
    }

    [Fact]
    public void The_diff_marks_removed_and_added_lines_with_context_and_leaves_comments_out()
    {
        string after = Before.Replace("TRIM(\"src__name\")", "UPPER(TRIM(\"src__name\"))", StringComparison.Ordinal)
            .Replace("the old description", "a new description", StringComparison.Ordinal);

        string diff = ScriptDiff.Unified(Before, after, context: 1);

        Assert.Equal(
            "  INSERT INTO \"silver\".\"customers\" (\"customer_id\", \"name\")\n" +
            "- SELECT \"out__customer_id\", CAST(TRIM(\"src__name\") AS VARCHAR(100)) AS \"out__name\"\n" +
            "+ SELECT \"out__customer_id\", CAST(UPPER(TRIM(\"src__name\")) AS VARCHAR(100)) AS \"out__name\"\n" +
            "  WHERE (\"name\" IS DISTINCT FROM s.\"name\");\n",
            diff);
        Assert.Equal("", ScriptDiff.Unified(Before, Before.Replace("the old description", "another", StringComparison.Ordinal)));
    }
}
