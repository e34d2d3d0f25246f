using Warehouse.Generators.Dialects;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Expressions;

/// <summary>
/// Named cases of the expression language: an expression as a model writes it, the inputs of the one row it reads
/// (edge columns as <c>name=value</c>, separated by <c>;</c>; the others NULL) and the outcome every engine must give —
/// its logical type (empty: not checked) and its value in the differential test's canonical text (<c>'text'</c>, <c>NULL</c>, <c>true</c>,
/// a timestamp with microseconds, <c>error: class</c>). A difference the generated corpus finds, once decided in
/// docs/expressions.md, becomes a case here, so the rule holds by name.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class ExpressionCaseTests(PostgresServer server)
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // The rules both engines already keep.
        { "length(t)", "t=abc  ", "", "'5'" },            // trailing spaces count (VARCHAR, not CHAR)
        { "trim(t)", "t=  a b  ", "VARCHAR", "'a b'" },
        { "t || u", "t=a", "VARCHAR", "NULL" },                            // NULL in a concatenation is NULL
        { "concat(t, 'x')", "t=a", "VARCHAR", "'ax'" },
        { "coalesce(t, 'none')", "", "VARCHAR", "'none'" },
        { "substring(t, 2, 3)", "t=hello", "VARCHAR", "'ell'" },
        { "substring(t, 10)", "t=hello", "VARCHAR", "''" },
        { "replace(t, 'l', '')", "t=hello", "VARCHAR", "'heo'" },
        { "initcap(t)", "t=o'neil mcdonald", "VARCHAR", "'O'Neil Mcdonald'" }, // a word starts after an apostrophe
        { "initcap(t)", "t=3rd street", "VARCHAR", "'3rd Street'" },       // and a digit belongs to its word
        { "year(dt) * 100 + month(dt)", "dt=2024-02-29", "INTEGER", "'202402'" },
        { "day(ts)", "ts=2024-02-29 23:59:59.999999", "INTEGER", "'29'" },
        { "quarter(dt)", "dt=2023-12-31", "INTEGER", "'4'" },
        { "i BETWEEN 1 AND 3", "i=3", "BOOLEAN", "true" },
        { "i IN (1, 2)", "", "BOOLEAN", "NULL" },
        { "NOT (t LIKE 'a%')", "t=abc", "BOOLEAN", "false" },
        { "CASE WHEN b THEN 1 ELSE 2 END", "", "INTEGER", "'2'" },           // a NULL condition is not true
        { "nullif(i, 0)", "i=0", "INTEGER", "NULL" },
        { "i + 1", "i=2147483647", "INTEGER", "error: out of range" },    // integer overflow is an error, not a wrap
        { "abs(s)", "s=-7", "SMALLINT", "'7'" },
        { "greatest(dt, dt)", "dt=2024-02-29", "DATE", "'2024-02-29'" },
        { "ts", "ts=2023-12-31 23:59:59.5", "TIMESTAMP", "2023-12-31 23:59:59.500000" },

        // The rules docs/expressions.md decides, each once a difference between the engines.
        { "n / 100", "n=1250", "DECIMAL(38,6)", "'12.500000'" },          // exact division, even of integers (DuckDB 12.5, PostgreSQL 12)
        { "i / 3", "i=-2", "DECIMAL(38,6)", "'-0.666667'" },              // rounded half away from zero at six places
        { "n / 3", "n=9223372036854775807", "DECIMAL(38,6)", "'3074457345618258602.333333'" }, // exactly, not as a DOUBLE
        { "d / m", "d=2.50;m=0.1250", "DECIMAL(38,6)", "'20.000000'" },
        { "m / 8", "m=0.0005", "DECIMAL(38,6)", "'0.000063'" },           // 0.0000625: the half goes away from zero
        { "i / s", "i=5;s=0", "DECIMAL(38,6)", "NULL" },                  // a zero divisor is NULL, not an error
        { "div(i, 2)", "i=-7", "INTEGER", "'-3'" },                       // integer division truncates toward zero
        { "div(n, i)", "n=7;i=0", "BIGINT", "NULL" },
        { "i % 2", "i=-7", "INTEGER", "'-1'" },                           // the remainder keeps the dividend's sign
        { "i % s", "i=7;s=0", "INTEGER", "NULL" },
        { "round(d, 1)", "d=-0.05", "DECIMAL(18,1)", "'-0.1'" },          // half away from zero, not to even
        { "round(d)", "d=2.50", "DECIMAL(17,0)", "'3'" },
        { "round(m, 6)", "m=2.5000", "DECIMAL(9,4)", "'2.5000'" },        // more places than it has: unchanged
        { "CASE WHEN b THEN i ELSE d END", "b=true;i=1", "DECIMAL(18,2)", "'1.00'" }, // one scale for every branch
        { "length(t)", "t=ab  ", "INTEGER", "'4'" },                      // an INTEGER (DuckDB's LENGTH is a BIGINT)
        { "trim(t)", "t=\tab ", "VARCHAR", "'\tab'" },                  // spaces only
        { "upper(t)", "t=Straße élan", "VARCHAR", "'STRAßE ÉLAN'" },      // one case table: ß stays (DuckDB made ẞ)
        { "lower(t)", "t=ÉCOLE Ǆ", "VARCHAR", "'école ǆ'" },
        { "initcap(t)", "t=élan ÉCOLE-d'été", "VARCHAR", "'Élan École-D'Été'" }, // words of Latin letters (DuckDB split at é)
        { "initcap(t)", "t=😀smile x1y2", "VARCHAR", "'😀Smile X1y2'" },
        { "substring(t, 0, 3)", "t=hello", "VARCHAR", "'he'" },           // positions before the first shorten the count
        { "substring(t, -1, 3)", "t=hello", "VARCHAR", "'h'" },           // DuckDB counted from the end
        { "substring(t, 2, -1)", "t=hello", "VARCHAR", "''" },            // a negative count is none (PostgreSQL failed)
        { "left(t, -2)", "t=hello", "VARCHAR", "''" },
        { "t LIKE 'a\\_%'", "t=a_c", "BOOLEAN", "true" },                // a backslash escapes _ and % (DuckDB has no default escape)
        { "t LIKE 'a\\_%'", "t=abc", "BOOLEAN", "false" },
        { "t LIKE 'A%'", "t=abc", "BOOLEAN", "false" },                   // case-sensitive
        { "t || CASE WHEN FALSE THEN 'x' END", "t=a", "VARCHAR", "NULL" }, // text, though DuckDB folds the NULL part away
        { "t || i || b || dt || d", "t=x;i=-1;b=false;dt=2024-02-29;d=2.50", "VARCHAR", "'x-1false2024-02-292.50'" },
        { "date_trunc('month', dt)", "dt=2024-02-29", "DATE", "'2024-02-01'" }, // a date stays a date (PostgreSQL made a TIMESTAMPTZ)
        { "date_trunc('week', ts)", "ts=2024-02-29 23:59:59.999999", "TIMESTAMP", "2024-02-26 00:00:00.000000" },
        { "dt - dt", "dt=2024-02-29", "INTEGER", "'0'" },
        { "dt + 1", "dt=2024-02-28", "DATE", "'2024-02-29'" },
        { "dt >= '2024-02-29'", "dt=2024-02-29", "BOOLEAN", "true" },     // an ISO date beside a date is a date
        { "coalesce(dt, '9999-12-31')", "", "DATE", "'9999-12-31'" },
        { "abs(s)", "s=-32768", "SMALLINT", "error: out of range" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Case_holds_on_both_engines(string expression, string inputs, string type, string expected)
    {
        server.Require();
        var tree = TypedExpressionGenerator.Parse(expression);
        var row = EdgeTable.Row(inputs.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1]));
        string?[][] rows = [row];

        await using var duckDb = await DuckDbExpressionEngine.OpenAsync(rows);
        await using var postgres = await PostgresExpressionEngine.OpenAsync(await server.CreateDatabaseAsync(), rows);
        foreach (IExpressionEngine engine in new IExpressionEngine[] { duckDb, postgres })
        {
            var outcome = (await engine.EvaluateAsync([ExpressionDifferentialTests.Render(tree, engine.Dialect)]))[0];
            Assert.True(Matches(type, outcome.Type), $"{engine.DisplayName}: {expression} is {outcome.Type}, not {type}");
            Assert.True(expected == outcome.Values[0], $"{engine.DisplayName}: {expression} over {inputs} is {outcome.Values[0]}, not {expected}");
        }
    }

    /// <summary>
    /// The expected type; empty where the case is on the value only because the engines' types are a difference the
    /// corpus reports and docs/expressions.md is to settle (length is BIGINT on DuckDB, INTEGER on PostgreSQL).
    /// </summary>
    private static bool Matches(string expected, string actual) => expected.Length == 0 || expected == actual;
}
