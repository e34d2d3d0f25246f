using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// Bad bronze input treated alike (docs/bronze-casts.md): a small model compiled in-process, one hand-written lake of
/// messy values and duplicate keys, deployed on DuckDB and on PostgreSQL. Silver and its quarantine (rule and reason)
/// must be identical, every value loaded or quarantined by the one grammar, and de-duplication must keep each key's
/// latest row: the last file, then the last row of that file, whatever its text sorts as.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class BronzeInputTests(PostgresServer server)
{
    private const string Usings = "using System;\nusing Warehouse.Model;\n\n";

    private static readonly IReadOnlyList<(string FileName, string Text)> Model =
    [
        ("Items.cs", Usings + """
            namespace Shop;

            [Source("raw/items/", FilePattern = "items*.csv", Delimiter = ',')]
            public sealed record RawItems
            {
                public long ItemId { get; init; }
                public int Quantity { get; init; }
                [Precision(10, 2)] public decimal Price { get; init; }
                public DateOnly SoldOn { get; init; }
                public bool Active { get; init; }
                [MaxLength(20)] public string? Label { get; init; }
            }

            [Staging(typeof(RawItems), Key = nameof(ItemId))]
            public sealed record Items
            {
                public long ItemId { get; init; }
                public int Quantity { get; init; }
                [Precision(10, 2)] public decimal Price { get; init; }
                public DateOnly SoldOn { get; init; }
                public bool Active { get; init; }
                [MaxLength(20)] public string? Label { get; init; }
            }
            """),
    ];

    private const string Header = "item_id,quantity,price,sold_on,active,label";

    [SkippableFact]
    public async Task Messy_values_and_duplicates_give_the_same_silver_and_quarantine_on_DuckDB_and_PostgreSQL()
    {
        server.Require();
        using var warehouse = new SyntheticModelWarehouse(Model);
        WriteLake(warehouse, "items_0001.csv",
            "1,9,10.00,2024-02-29,yes,first file",      // replaced by item 1 of the second file
            "2,12.5,1,2024-01-01,true,fraction",        // invalid_quantity: not rounded to 13
            "3,1,1,today,true,date word",               // invalid_sold_on
            "4,1,\"1,000\",2024-01-01,t,separator",     // invalid_price
            "5,1,1e3,2024-01-01,t,exponent",            // invalid_price
            "6,1,1,2023-02-29,f,no leap day",           // invalid_sold_on
            "7,1,1,2024-01-01,on,on",                   // invalid_active
            "8,99999999999,1,2024-01-01,n,too big",     // invalid_quantity: out of INTEGER's range
            "9,8,1.005,2024-01-01,Y,zz earlier line",   // loses to the later line of item 9
            "9,3,2.50,2024-01-02,N,aa later line",      // kept, though its text sorts lower
            "11, +4 ,0.5,2024-03-01,1,signs");          // loaded: spaces trimmed, a sign
        WriteLake(warehouse, "items_0002.csv",
            "1,2,20.00,2024-03-01,no,aa second file",   // kept: the last file wins
            "10,5,1,2024-01-01,0,zz first",
            "10,4,1,2024-01-01,0,aa second",
            "10,3,1,2024-01-01,0,mm third");            // kept: the last of three
        string postgres = await server.CreateDatabaseAsync();

        var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var pg = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-01");

        Assert.True(duckdb.ExitCode == 0, duckdb.ToString());
        Assert.True(pg.ExitCode == 0, pg.ToString());
        var duckRows = await ReadDuckDbAsync(warehouse.DuckDbPath);
        var pgRows = await ReadPostgresAsync(postgres);
        Assert.Equal(duckRows.Silver, pgRows.Silver);
        Assert.Equal(duckRows.Quarantine, pgRows.Quarantine);
        Assert.Equal(
            [
                "10|3|1|2024-01-01|false|mm third|raw/items/items_0002.csv",
                "11|4|0.5|2024-03-01|true|signs|raw/items/items_0001.csv",
                "1|2|20|2024-03-01|false|aa second file|raw/items/items_0002.csv",
                "9|3|2.5|2024-01-02|false|aa later line|raw/items/items_0001.csv",
            ],
            duckRows.Silver);
        Assert.Equal(
            [
                "10|aa second|duplicate_key|a later row has the same item_id|raw/items/items_0002.csv",
                "10|zz first|duplicate_key|a later row has the same item_id|raw/items/items_0002.csv",
                "1|first file|duplicate_key|a later row has the same item_id|raw/items/items_0001.csv",
                "2|fraction|invalid_quantity|quantity: '12.5' is not a valid INTEGER|raw/items/items_0001.csv",
                "3|date word|invalid_sold_on|sold_on: 'today' is not a valid DATE|raw/items/items_0001.csv",
                "4|separator|invalid_price|price: '1,000' is not a valid DECIMAL(10,2)|raw/items/items_0001.csv",
                "5|exponent|invalid_price|price: '1e3' is not a valid DECIMAL(10,2)|raw/items/items_0001.csv",
                "6|no leap day|invalid_sold_on|sold_on: '2023-02-29' is not a valid DATE|raw/items/items_0001.csv",
                "7|on|invalid_active|active: 'on' is not a valid BOOLEAN|raw/items/items_0001.csv",
                "8|too big|invalid_quantity|quantity: '99999999999' is not a valid INTEGER|raw/items/items_0001.csv",
                "9|zz earlier line|duplicate_key|a later row has the same item_id|raw/items/items_0001.csv",
            ],
            duckRows.Quarantine);
    }

    [SkippableFact]
    public async Task A_row_that_is_not_UTF8_is_rejected_alike_with_file_line_and_column_and_the_file_is_untouched()
    {
        server.Require();
        using var warehouse = new SyntheticModelWarehouse(Model);
        WriteLake(warehouse, "items_0001.csv", "1,1,1,2024-01-01,t,fine", "2,1,1,2024-01-01,t,bad\u00FF", "3,1,1,2024-01-01,t,Zoë ok");
        string path = Path.Combine(warehouse.Lake, "raw", "items", "items_0001.csv");
        // Row 2's label ends in a lone 0xFF byte, row 3 of a second file breaks a two-byte sequence (0xC3 then a comma).
        File.WriteAllBytes(path, ReplaceUtf8(File.ReadAllBytes(path), "bad\u00FF", [.. "bad"u8, 0xFF]));
        WriteLake(warehouse, "items_0002.csv", "4,1,1,2024-01-01,t,four", "5,1,1,2024-01-01,t,five", "6,1,1,2024-01-01,t,\u00C3,");
        string second = Path.Combine(warehouse.Lake, "raw", "items", "items_0002.csv");
        File.WriteAllBytes(second, ReplaceUtf8(File.ReadAllBytes(second), "t,\u00C3,", [.. "t,"u8, 0xC3]));
        var before = warehouse.LakeFiles();
        string postgres = await server.CreateDatabaseAsync();

        var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var pg = await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-01");

        Assert.True(duckdb.ExitCode == 0, duckdb.ToString());
        Assert.True(pg.ExitCode == 0, pg.ToString());
        Assert.Contains("warning: raw/items/items_0001.csv:3:23: invalid UTF-8 (byte 0xFF); the row is not loaded", duckdb.Out, StringComparison.Ordinal);
        Assert.Contains("warning: 2 lake row(s) in 2 file(s) are not valid UTF-8", pg.Out, StringComparison.Ordinal);
        var duckRows = await ReadDuckDbAsync(warehouse.DuckDbPath);
        var pgRows = await ReadPostgresAsync(postgres);
        Assert.Equal(duckRows.Silver, pgRows.Silver);
        Assert.Equal(["1", "3", "4", "5"], duckRows.Silver.Select(r => r.Split('|')[0]).Order(StringComparer.Ordinal));
        Assert.Equal("Zoë ok", duckRows.Silver.Single(r => r.StartsWith("3|", StringComparison.Ordinal)).Split('|')[5]);
        const string rejected = "SELECT source, source_file, line_number, column_number, reason FROM _warehouse.rejected_rows";
        string[] expected =
        [
            "bronze.raw_items|raw/items/items_0001.csv|3|23|invalid UTF-8 (byte 0xFF); the row is not loaded",
            "bronze.raw_items|raw/items/items_0002.csv|4|20|invalid UTF-8 (byte 0xC3); the row is not loaded",
        ];
        await using (var connection = new DuckDBConnection($"Data Source={warehouse.DuckDbPath}"))
        {
            await connection.OpenAsync();
            Assert.Equal(expected, await ReadAsync(connection, rejected));
        }

        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            Assert.Equal(expected, await ReadAsync(connection, rejected));
        }

        // Recorded once: a second deploy sees the same files and adds nothing; the lake files were never rewritten.
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01")).ExitCode);
        await using (var connection = new DuckDBConnection($"Data Source={warehouse.DuckDbPath}"))
        {
            await connection.OpenAsync();
            Assert.Equal(expected, await ReadAsync(connection, rejected));
        }

        Assert.Equal(before, warehouse.LakeFiles());
    }

    [Fact]
    public async Task Every_malformed_file_is_reported_in_one_error_before_any_SQL()
    {
        using var warehouse = new SyntheticModelWarehouse(Model);
        WriteLake(warehouse, "items_0001.csv", "1,1,1,2024-01-01,t,fine");
        WriteLake(warehouse, "items_0002.csv", "2,1,1,2024-01-01,t");
        WriteLake(warehouse, "items_0003.csv", "3,1,1,2024-01-01,t,fine", "4,1,1,2024-01-01,t,x,y");
        File.WriteAllText(Path.Combine(warehouse.Lake, "raw", "items", "items_0004.csv"), "item_id,quantity\n1,2\n");

        var run = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Trim().Split('\n');
        Assert.Equal("error: 3 problems in the lake; nothing was run:", lines[0]);
        Assert.EndsWith("items_0002.csv:2: expected 6 fields but found 5", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("items_0003.csv:3: expected 6 fields but found 7", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($"items_0004.csv:1: expected columns {Header.Replace(',', '|')} but found item_id|quantity", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.False(File.Exists(warehouse.DuckDbPath), "no SQL may run before the lake is valid");
    }

    [SkippableFact]
    public async Task A_batch_older_than_the_newest_loaded_is_refused_before_any_SQL_on_both_engines()
    {
        server.Require();
        using var warehouse = new SyntheticModelWarehouse(Model);
        WriteLake(warehouse, "items_0001.csv", "1,1,1,2024-01-01,t,fine");
        string postgres = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-02")).ExitCode);
        Assert.Equal(0, (await warehouse.RunAsync("deploy", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-02")).ExitCode);
        WriteLake(warehouse, "items_0002.csv", "2,1,1,2024-01-01,t,older batch");

        var duckdb = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-01");
        var pg = await warehouse.RunAsync("run", "--target", "postgres", "--connection", postgres, "--as-of", "2025-01-01 12:00:00");

        Assert.Equal(1, duckdb.ExitCode);
        Assert.Equal(1, pg.ExitCode);
        Assert.Equal("error: --as-of 2025-01-01 00:00:00 is earlier than the newest batch already loaded (2025-01-02, in _warehouse.processed_files); " +
            "nothing was run: batches load in time order, so pass --as-of 2025-01-02 or later", duckdb.Error.Trim());
        Assert.StartsWith("error: --as-of 2025-01-01 12:00:00 is earlier than the newest batch already loaded (2025-01-02,", pg.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(pg.Error.Trim().Split('\n'));
        // Nothing ran: the older batch's file was not processed on either engine, and the newest batch may run again.
        Assert.Equal(["1"], (await ReadDuckDbAsync(warehouse.DuckDbPath)).Silver.Select(r => r.Split('|')[0]));
        Assert.Equal(["1"], (await ReadPostgresAsync(postgres)).Silver.Select(r => r.Split('|')[0]));
        var same = await warehouse.RunAsync("deploy", "--database", warehouse.DuckDbPath, "--as-of", "2025-01-02");
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Equal(["1", "2"], (await ReadDuckDbAsync(warehouse.DuckDbPath)).Silver.Select(r => r.Split('|')[0]));
    }

    private static byte[] ReplaceUtf8(byte[] bytes, string text, byte[] replacement)
    {
        byte[] find = System.Text.Encoding.UTF8.GetBytes(text);
        int at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0, $"'{text}' is not in the file");
        return [.. bytes[..at], .. replacement, .. bytes[(at + find.Length)..]];
    }

    private static void WriteLake(SyntheticModelWarehouse warehouse, string name, params string[] rows)
    {
        string path = Path.Combine(warehouse.Lake, "raw", "items", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", [Header, .. rows]) + "\n");
    }

    private static async Task<(List<string> Silver, List<string> Quarantine)> ReadDuckDbAsync(string path)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        return (await ReadAsync(connection, Silver), await ReadAsync(connection, Quarantine));
    }

    private static async Task<(List<string> Silver, List<string> Quarantine)> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await ReadAsync(connection, Silver), await ReadAsync(connection, Quarantine));
    }

    private const string Silver = "SELECT item_id, quantity, price, sold_on, active, label, _source_file FROM silver.items";

    private const string Quarantine = "SELECT item_id, label, _rule, _reason, _source_file FROM silver.items__quarantine";

    /// <summary>Each row as '|'-joined canonical text, sorted ordinally (no engine's collation takes part).</summary>
    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount)
                .Select(i => GoldTables.Canonical(reader.GetValue(i), reader.GetName(i) == "sold_on" ? "DATE" : null));
            rows.Add(string.Join('|', row));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
