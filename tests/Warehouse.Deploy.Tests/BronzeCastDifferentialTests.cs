using System.Data.Common;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Plans;
using Warehouse.Generators.Model;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The bronze cast, differentially: a seeded corpus of messy text (fractions, exponents, separators, signs,
/// whitespace, date words, out-of-range numbers, leap days, boolean spellings, empty and non-ASCII text) goes through
/// each dialect's staging cast (<c>NULLIF(TRIM(text), '')</c>, then <see cref="SqlDialect.TryCast"/>) for every type,
/// on DuckDB and on PostgreSQL, and each value must load as the same value or be quarantined (NULL) on both. The
/// grammar both enforce is docs/bronze-casts.md; the named cases below are its rules.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class BronzeCastDifferentialTests(PostgresServer server)
{
    private static readonly SqlType[] Types =
    [
        new(SqlTypeKind.SmallInt), new(SqlTypeKind.Integer), new(SqlTypeKind.BigInt),
        new(SqlTypeKind.Decimal, Precision: 18, Scale: 2), new(SqlTypeKind.Decimal, Precision: 5, Scale: 3),
        new(SqlTypeKind.Double), new(SqlTypeKind.Real), new(SqlTypeKind.Boolean),
        new(SqlTypeKind.Date), new(SqlTypeKind.Timestamp), new(SqlTypeKind.Varchar, Length: 10),
    ];

    /// <summary>Each rule of docs/bronze-casts.md, as (text, type, the value it loads as or null when quarantined).</summary>
    public static TheoryData<string, string, string?> Rules => new()
    {
        { "12.5", "INTEGER", null },          // a fraction in an integer column is quarantined, not rounded
        { "12", "INTEGER", "12" },
        { " +12 ", "INTEGER", "12" },         // spaces around are trimmed, a sign is accepted
        { "\t12", "INTEGER", null },          // only spaces are trimmed
        { "\u00a012", "INTEGER", null },      // not a no-break space either (DuckDB's TRIM would strip it)
        { "007", "SMALLINT", "7" },
        { "1e3", "INTEGER", null },           // no exponent in an integer or decimal column
        { "1e3", "DOUBLE", "1000" },
        { "1,000", "INTEGER", null },         // no thousands separator
        { "1_000", "BIGINT", null },
        { "0x1F", "INTEGER", null },
        { "32768", "SMALLINT", null },        // out of range
        { "2147483648", "INTEGER", null },
        { "9223372036854775808", "BIGINT", null },
        { "１２", "INTEGER", null },           // ASCII digits only
        { "12.345", "DECIMAL(18,2)", "12.35" }, // more fraction digits than the scale: rounded half away from zero
        { "-0.005", "DECIMAL(18,2)", "-0.01" },
        { "99.9995", "DECIMAL(5,3)", null },  // rounds to 100.000, which does not fit
        { "1.5e2", "DECIMAL(18,2)", null },
        { "1e400", "DOUBLE", null },          // too large or too small for the float type (DuckDB reads infinity, 0)
        { "1e-400", "DOUBLE", null },
        { "0e-400", "DOUBLE", "0" },
        { "3.5e38", "REAL", null },
        { "NaN", "DOUBLE", null },
        { "Infinity", "DOUBLE", null },
        { "today", "DATE", null },            // special date words are quarantined
        { "epoch", "DATE", null },
        { "infinity", "TIMESTAMP", null },
        { "tomorrow", "DATE", null },
        { "2024-02-29", "DATE", "2024-02-29" }, // a leap day exists in a leap year only
        { "2023-02-29", "DATE", null },
        { "2024-1-5", "DATE", null },         // ISO yyyy-mm-dd only
        { "2024/01/05", "DATE", null },
        { "0000-01-01", "DATE", null },
        { "2024-01-05 10:20", "TIMESTAMP", "2024-01-05 10:20:00" },
        { "2024-01-05T10:20:30.5", "TIMESTAMP", "2024-01-05 10:20:30.5" },
        { "2024-01-05", "TIMESTAMP", "2024-01-05 00:00:00" },
        { "2024-01-05 24:00:00", "TIMESTAMP", null },
        { "2024-01-05 10:20:30+02", "TIMESTAMP", null }, // no time zone
        { "Yes", "BOOLEAN", "True" },
        { "n", "BOOLEAN", "False" },
        { "on", "BOOLEAN", null },
        { "tr", "BOOLEAN", null },
        { "", "INTEGER", null },              // empty is NULL (missing, not invalid)
    };

    [SkippableFact]
    public async Task Generated_corpus_casts_identically_on_DuckDB_and_PostgreSQL()
    {
        server.Require();
        // CI casts 5,000 values; WAREHOUSE_BRONZE_CORPUS=N runs a larger corpus (docs/bronze-casts.md).
        var size = int.TryParse(Environment.GetEnvironmentVariable("WAREHOUSE_BRONZE_CORPUS"), out var requested) ? requested : 5_000;
        var corpus = Corpus(seed: 20261202, count: size);

        var duckDb = await CastOnDuckDbAsync(corpus);
        var postgres = await CastOnPostgresAsync(corpus);

        var differences = new List<string>();
        for (var row = 0; row < corpus.Count; row++)
        {
            for (var t = 0; t < Types.Length; t++)
            {
                if (duckDb[row][t] != postgres[row][t])
                    differences.Add($"{Show(corpus[row])} as {Types[t]}: DuckDB {duckDb[row][t] ?? "quarantined"}, PostgreSQL {postgres[row][t] ?? "quarantined"}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join("\n", differences.Take(40)));
        // The corpus exercises both outcomes of every type.
        for (var t = 0; t < Types.Length; t++)
        {
            Assert.Contains(duckDb, r => r[t] is not null);
            Assert.Contains(duckDb, r => r[t] is null);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Rules))]
    public async Task Rule_holds_on_both_engines(string text, string type, string? expected)
    {
        server.Require();
        var sqlType = Types.Single(t => t.ToString() == type);
        var index = Array.IndexOf(Types, sqlType);

        Assert.Equal(expected, (await CastOnDuckDbAsync([text]))[0][index]);
        Assert.Equal(expected, (await CastOnPostgresAsync([text]))[0][index]);
    }

    private static async Task<List<string?[]>> CastOnDuckDbAsync(IReadOnlyList<string> corpus)
    {
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return await CastAsync(connection, SqlDialect.DuckDb, corpus);
    }

    private async Task<List<string?[]>> CastOnPostgresAsync(IReadOnlyList<string> corpus)
    {
        await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE SCHEMA \"_warehouse\";\n" + SqlDialect.Postgres.SetupFunctions);
        return await CastAsync(connection, SqlDialect.Postgres, corpus);
    }

    /// <summary>One query per engine: the corpus as a table, every type's staging cast as a column.</summary>
    private static async Task<List<string?[]>> CastAsync(DbConnection connection, SqlDialect dialect, IReadOnlyList<string> corpus)
    {
        await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE corpus (id INTEGER, v {dialect.Text})");
        for (var start = 0; start < corpus.Count; start += 1_000)
        {
            var rows = corpus.Skip(start).Take(1_000).Select((v, i) => $"({start + i}, {dialect.Literal(v)})");
            await ExecuteAsync(connection, "INSERT INTO corpus VALUES " + string.Join(", ", rows));
        }

        // As staging reads bronze (spaces trimmed, empty as NULL) and checks it: text longer than its VARCHAR is quarantined.
        var staged = PlanSql.Delivered("v");
        var columns = string.Join(", ", Types.Select(t => t.Kind == SqlTypeKind.Varchar
            ? $"CASE WHEN LENGTH({staged}) <= {t.Length} THEN {dialect.TryCast(staged, t)} END"
            : dialect.TryCast(staged, t)));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM corpus ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[Types.Length];
            for (var t = 0; t < Types.Length; t++)
                row[t] = reader.IsDBNull(t) ? null : Canonical(reader.GetValue(t), Types[t]);
            results.Add(row);
        }

        return results;
    }

    /// <summary>A value as invariant text, so the two providers' .NET types compare (a DATE is a DateTime in Npgsql).</summary>
    private static string Canonical(object value, SqlType type) => value switch
    {
        DateTime date when type.Kind == SqlTypeKind.Date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        float single => single.ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Show(string text) => "'" + text.Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r") + "'";

    private static readonly string[] Edges =
    [
        "", " ", "0", "-0", "+0", "12", "12.5", "12.", ".5", "-.5", "1e3", "1E3", "1.5e-2", "1,000", "1 000", "1_000",
        "0x1F", "007", " 42 ", "\t42", "42\n", "\u00a042", "４２", "١٢", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483648", "32767", "32768",
        "-32768", "-32769", "NaN", "nan", "Infinity", "-inf", "inf", "today", "tomorrow", "yesterday", "epoch",
        "infinity", "-infinity", "now", "allballs", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29",
        "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2024-1-5",
        "20240105", "2024/01/05", "05/01/2024", "Jan 5 2024", "2024-01-05T10:20:30", "2024-01-05 10:20", "2024-01-05 24:00:00",
        "2024-01-05 23:59:60", "2024-01-05 10:20:30.123456", "2024-01-05 10:20:30.1234567", "2024-01-05 10:20:30+02",
        "2024-01-05 10:20:30Z", "2024-01-05 10:20:30 UTC", "J2451187", "true", "TRUE", "True", "t", "f", "yes", "no", "y",
        "n", "on", "off", "1", "0", "tr", "fa", "ye", "é", "Zoë", "NULL", "null", "99999999999999999.995",
        "9999999999999999.994", "0.005", "0.015", "-0.005", "99.9995", "99.9994", "1e400", "1e-400", "3.5e38", "3.5e39",
        "1e-50", "-1e308", "1.7976931348623157e308", "1e", "e3", "+", "-", ".", "1.2.3", "--1", "+-1", "1-", "12 34",
    ];

    /// <summary>The edge values, then random ones built from the same pieces, deterministic for the seed.</summary>
    private static List<string> Corpus(int seed, int count)
    {
        var random = new Random(seed);
        var corpus = new List<string>(Edges);
        while (corpus.Count < count)
            corpus.Add(random.Next(5) switch
            {
                0 => Number(random),
                1 => DateText(random),
                2 => DateText(random) + TimeText(random),
                3 => Boolean(random),
                _ => Noise(random),
            });
        return corpus;
    }

    private static string Number(Random random)
    {
        var text = new StringBuilder();
        text.Append(Pick(random, "", "", "", "-", "+", " ", "  -"));
        var digits = random.Next(6) == 0 ? random.Next(15, 26) : random.Next(0, 8);
        for (var i = 0; i < digits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
            if (random.Next(40) == 0) text.Append(Pick(random, ",", "_", " ", "'"));
        }

        if (random.Next(3) == 0) text.Append('.').Append(Digits(random, random.Next(0, 5)));
        if (random.Next(6) == 0) text.Append(Pick(random, "e", "E")).Append(Pick(random, "", "-", "+")).Append(random.Next(0, 400));
        text.Append(Pick(random, "", "", "", "", " ", "\t", "x"));
        return text.ToString();
    }

    private static string DateText(Random random)
    {
        if (random.Next(20) == 0) return Pick(random, "today", "Tomorrow", "EPOCH", "infinity", "yesterday", "now");
        var year = random.Next(8) == 0 ? random.Next(0, 10_001) : random.Next(1896, 2105);
        var month = random.Next(10) == 0 ? random.Next(0, 14) : random.Next(1, 13);
        var day = random.Next(6) == 0 ? Pick(random, 0, 29, 30, 31, 32) : random.Next(1, 29);
        var separator = random.Next(15) == 0 ? Pick(random, "/", ".", "") : "-";
        var pad = random.Next(15) == 0 ? "0" : "00";
        return $"{year.ToString(random.Next(15) == 0 ? "0" : "0000", CultureInfo.InvariantCulture)}{separator}{month.ToString(pad, CultureInfo.InvariantCulture)}{separator}{day.ToString(pad, CultureInfo.InvariantCulture)}";
    }

    private static string TimeText(Random random)
    {
        var hour = random.Next(8) == 0 ? random.Next(0, 26) : random.Next(0, 24);
        var text = $"{Pick(random, " ", " ", "T", "t", "  ")}{hour:00}:{random.Next(0, random.Next(8) == 0 ? 61 : 60):00}";
        if (random.Next(4) != 0) text += $":{random.Next(0, random.Next(8) == 0 ? 62 : 60):00}";
        if (random.Next(3) == 0) text += "." + Digits(random, random.Next(1, 9));
        if (random.Next(10) == 0) text += Pick(random, "Z", "+02", "-05:30", " UTC", " PST");
        return text;
    }

    private static string Boolean(Random random)
    {
        var word = Pick(random, "true", "false", "t", "f", "yes", "no", "y", "n", "1", "0", "on", "off", "tr", "fals", "2", "-1", "oui");
        var cased = new string(word.Select(c => random.Next(3) == 0 ? char.ToUpperInvariant(c) : c).ToArray());
        return Pick(random, "", "", " ") + cased + Pick(random, "", "", " ");
    }

    private static string Noise(Random random)
    {
        const string alphabet = "0123456789.-+e ,aZé\u00a0\u2007٣１ß€\t";
        var length = random.Next(0, 8);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static string Digits(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
