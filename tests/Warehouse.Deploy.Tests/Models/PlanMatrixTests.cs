using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Npgsql;
using Warehouse.Benchmarks;
using Warehouse.Deploy.Cli;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests.Models;

/// <summary>
/// plan/apply on edits of a small model (<see cref="PlanModel"/>), on DuckDB and PostgreSQL: the base model is
/// deployed, <c>plan</c> says "no changes", the edited model is compiled, <c>plan</c> classifies each changed node,
/// <c>deploy</c> applies it, the data is as the edit says, and <c>plan</c> says "no changes" again. Each model variant
/// is compiled once for both engines.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class PlanMatrixTests(PostgresServer server)
{
    /// <summary>One edit: the text replaced, the plan expected ("node: class action", sorted), the data after the deploy.</summary>
    public sealed record Edit(
        (string From, string To)[] Changes,
        string[] Plan,
        string Query,
        string Rows,
        string[]? DeployArguments = null,
        string? Refusal = null,
        char StoresDelimiter = ',',
        IReadOnlyDictionary<string, string>? Lake = null);

    private const string CustomerRows = "SELECT customer_id, name, city, is_current FROM gold.customer WHERE customer_id > 0 ORDER BY customer_id, valid_from";

    private static readonly Dictionary<string, Edit> Edits = new(StringComparer.Ordinal)
    {
        // A new silver column nothing reads yet: silver alone is rebuilt from bronze.
        ["add a column"] = new(
            [("[MaxLength(20)] public string? Segment { get; init; }\n}\n\n[Staging(typeof(Bronze.RawStores)",
              "[MaxLength(20)] public string? Segment { get; init; }\n    [MaxLength(20), Derived(\"upper(segment)\")] public string? SegmentCode { get; init; }\n}\n\n[Staging(typeof(Bronze.RawStores)")],
            ["silver.customers: non-breaking rebuild"],
            "SELECT customer_id, segment_code FROM silver.customers ORDER BY customer_id",
            "1|RETAIL\n2|WHOLESALE\n3|NULL"),
        // The type-2 dimension gains an overwritten column: altered in place, every version filled, no version added.
        ["add a column to a type-2 dimension"] = new(
            [("[MaxLength(50), History] public string? City { get; init; }", "[MaxLength(50), History] public string? City { get; init; }\n    [MaxLength(20)] public string? Segment { get; init; }")],
            ["gold.customer: non-breaking inplace"],
            "SELECT customer_id, segment, is_current FROM gold.customer WHERE customer_id > 0 ORDER BY customer_id",
            "1|retail|True\n2|wholesale|True\n3|NULL|True"),
        ["drop a column"] = new(
            [("    public DateTime OrderedAt { get; init; }\n    [Measure", "    [Measure")],
            ["gold.sales: breaking rebuild"],
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'gold' AND table_name = 'sales' AND column_name = 'ordered_at'",
            "0"),
        // A silver column renamed: dropped and added, so silver and what reads it are rebuilt; the type-2 dimension keeps its versions.
        ["rename a column"] = new(
            [("[MaxLength(20)] public string? Segment { get; init; }\n}\n\n[Staging(typeof(Bronze.RawStores)",
              "[MaxLength(20), Derived(\"segment\")] public string? Tier { get; init; }\n}\n\n[Staging(typeof(Bronze.RawStores)")],
            ["gold.customer: breaking inplace", "silver.customers: breaking rebuild"],
            "SELECT customer_id, tier FROM silver.customers ORDER BY customer_id",
            "1|retail\n2|wholesale\n3|NULL"),
        // Widened in bronze, silver and the type-2 dimension: silver rebuilt alone, the dimension altered in place.
        ["widen a type"] = new(
            [("[MaxLength(50)] public string? City", "[MaxLength(80)] public string? City"),
             ("[MaxLength(50)] public string? City", "[MaxLength(80)] public string? City"),
             ("[MaxLength(50), History] public string? City", "[MaxLength(80), History] public string? City")],
            ["bronze.raw_customers: metadata only run", "gold.customer: non-breaking inplace", "silver.customers: non-breaking rebuild"],
            CustomerRows,
            "1|ada|Paris|True\n2|bob|Lyon|True\n3|cy|Nice|True"),
        // Narrowed in silver: rows that no longer fit are quarantined when silver is rebuilt from bronze.
        ["narrow a type"] = new(
            [("[MaxLength(20)] public string? Segment", "[MaxLength(6)] public string? Segment"),
             ("[MaxLength(20)] public string? Segment", "[MaxLength(6)] public string? Segment")],
            ["bronze.raw_customers: metadata only run", "gold.customer: breaking inplace", "silver.customers: breaking rebuild"],
            "SELECT customer_id, _rule FROM silver.customers__quarantine ORDER BY customer_id",
            "2|too_long_segment"),
        // The issue's first finding: a [Derived] change reaches gold. The name is not tracked, so every version gets the new value.
        ["change a derived expression"] = new(
            [("Derived(\"trim(name)\")", "Derived(\"upper(trim(name))\")")],
            ["gold.customer: breaking inplace", "silver.customers: breaking rebuild"],
            CustomerRows,
            "1|ADA|Paris|True\n2|BOB|Lyon|True\n3|CY|Nice|True"),
        // A rule changed: silver's quarantine is evaluated again on every bronze row, and the fact rebuilt.
        ["change a rule"] = new(
            [("\"amount >= 0\"", "\"amount > 0\"")],
            ["gold.sales: breaking rebuild", "silver.orders: breaking rebuild"],
            "SELECT (SELECT count(*) FROM gold.sales), (SELECT count(*) FROM silver.orders__quarantine WHERE _rule = 'positive_amount')",
            "3|1"),
        ["add a test"] = new(
            [("[MaxLength(20)] public required string Region { get; init; }\n}\n\n[Fact", "[MaxLength(20), AcceptedValues(\"N\", \"S\")] public required string Region { get; init; }\n}\n\n[Fact")],
            ["gold.store: metadata only run"],
            "SELECT count(*) FROM gold.store",
            "3"),
        ["change a description"] = new(
            [("[Fact(typeof(Silver.Orders))]", "[Fact(typeof(Silver.Orders))]\n[Description(\"Sales by order, as the tills report them.\")]")],
            ["gold.sales: metadata only run"],
            "SELECT count(*) FROM gold.sales",
            "4"),
        ["add a dimension"] = new(
            [("[Dimension(typeof(Silver.Stores))]", "[Dimension(typeof(Silver.Stores))]\npublic sealed record Region\n{\n    [SurrogateKey] public long RegionKey { get; init; }\n    [BusinessKey] public long StoreId { get; init; }\n    [MaxLength(20)] public required string Region { get; init; }\n}\n\n[Dimension(typeof(Silver.Stores))]")],
            ["gold.region: non-breaking run"],
            "SELECT store_id, region FROM gold.region WHERE store_id > 0 ORDER BY store_id",
            "10|N\n20|S"),
        // Type 1 to type 2: no history to lose, so no consent; the fact that references it is rebuilt.
        ["turn type 1 into type 2"] = new(
            [("[Dimension(typeof(Silver.Stores))]", "[Dimension(typeof(Silver.Stores), Scd = ScdType.Type2)]"),
             ("[MaxLength(20)] public required string Region { get; init; }\n}\n\n[Fact", "[MaxLength(20), History] public required string Region { get; init; }\n}\n\n[Fact")],
            ["gold.sales: breaking rebuild", "gold.store: breaking rebuild"],
            "SELECT store_id, region, is_current FROM gold.store WHERE store_id > 0 ORDER BY store_id",
            "10|N|True\n20|S|True"),
        ["change a grain"] = new(
            [("[Grain(\"One row per order.\", nameof(OrderId))]", "[Grain(\"One row per order and store.\", nameof(OrderId), nameof(StoreId))]"),
             ("[DegenerateKey] public long OrderId { get; init; }", "[DegenerateKey] public long OrderId { get; init; }\n    [DegenerateKey] public long StoreId { get; init; }")],
            ["gold.sales: breaking rebuild"],
            "SELECT count(*) FROM gold.sales",
            "4"),
        // A source read with another delimiter (the files delivered again with it): bronze and everything after it rebuilt.
        ["change a source's delimiter"] = new(
            [("Delimiter = ',')]\npublic sealed record RawStores", "Delimiter = ';')]\npublic sealed record RawStores")],
            ["bronze.raw_stores: breaking rebuild", "gold.sales: breaking rebuild", "gold.store: breaking rebuild", "silver.stores: breaking rebuild"],
            "SELECT store_id, store_name FROM gold.store WHERE store_id > 0 ORDER BY store_id",
            "10|North\n20|South",
            StoresDelimiter: ';'),
        ["add a source"] = new(
            [("[Source(\"raw/orders/\"", "[Source(\"raw/returns/\", FilePattern = \"raw_returns*.csv\", Delimiter = ',')]\npublic sealed record RawReturns\n{\n    public long OrderId { get; init; }\n}\n\n[Source(\"raw/orders/\"")],
            ["bronze.raw_returns: non-breaking run"],
            "SELECT count(*) FROM bronze.raw_returns",
            "1",
            Lake: new Dictionary<string, string> { ["raw/returns/raw_returns_1.csv"] = "order_id\n101\n" }),
        ["drop a model"] = new(
            [("[Fact(typeof(Silver.Orders))]\n[Grain(\"One row per order.\", nameof(OrderId))]\npublic sealed record Sales\n{\n    [DegenerateKey] public long OrderId { get; init; }\n    [References(typeof(Store))] public long StoreKey { get; init; }\n    public DateTime OrderedAt { get; init; }\n    [Measure(Additivity.Additive), Precision(12, 2)] public decimal Amount { get; init; }\n}", "")],
            ["gold.sales: breaking drop"],
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = 'sales'",
            "0"),
        // Removing a history column would rewrite every version: refused, and nothing changes.
        ["drop a history column (refused)"] = new(
            [("[MaxLength(50), History] public string? City { get; init; }", "")],
            ["gold.customer: breaking rebuild"],
            CustomerRows,
            "1|ada|Paris|True\n2|bob|Lyon|True\n3|cy|Nice|True",
            Refusal: "gold.customer (history column city is removed)"),
        ["drop a history column (allowed)"] = new(
            [("[MaxLength(50), History] public string? City { get; init; }", "")],
            ["gold.customer: breaking rebuild"],
            "SELECT customer_id, name FROM gold.customer WHERE customer_id > 0 ORDER BY customer_id",
            "1|ada\n2|bob\n3|cy",
            DeployArguments: ["--allow-history-loss"]),
    };

    private static readonly ConcurrentDictionary<string, Lazy<string>> Compiled = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var edit in Edits.Keys)
        {
            cases.Add(edit, "duckdb");
            cases.Add(edit, "postgres");
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task An_edit_is_planned_and_applied(string name, string engine)
    {
        var edit = Edits[name];
        string root = Directory.CreateTempSubdirectory("warehouse-plan-").FullName;
        string lake = Path.Combine(root, "lake");
        string[] target = engine == "duckdb"
            ? ["--database", Path.Combine(root, "plan.duckdb")]
            : ["--target", "postgres", "--connection", await PostgresAsync()];
        string baseModel = Artifacts("base", PlanModel.Sources());
        string edited = Artifacts(name, PlanModel.Sources(edit.Changes));
        WriteLake(lake, PlanModel.Lake());

        var deployed = await RunAsync(baseModel, lake, ["deploy", "--as-of", "2025-01-01", .. target]);
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        Assert.Empty(await PlanAsync(baseModel, lake, target));

        WriteLake(lake, PlanModel.Lake(edit.StoresDelimiter));
        WriteLake(lake, edit.Lake ?? new Dictionary<string, string>());
        var planned = await PlanAsync(edited, lake, target);
        if (!planned.SequenceEqual(edit.Plan))
        {
            var shown = await RunAsync(edited, lake, ["plan", "--diff", .. target]);
            Assert.Fail($"expected {string.Join(", ", edit.Plan)}\nplanned {string.Join(", ", planned)}\n{shown.Out}");
        }

        var applied = await RunAsync(edited, lake, ["deploy", "--as-of", "2025-01-02", .. edit.DeployArguments ?? [], .. target]);
        if (edit.Refusal is { } refusal)
        {
            Assert.True(applied.ExitCode == 1, applied.ToString());
            Assert.Contains(refusal, applied.Error, StringComparison.Ordinal);
            Assert.Contains("--allow-history-loss", applied.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(applied.ExitCode == 0, applied.ToString());
            Assert.Empty(await PlanAsync(edited, lake, target));
        }

        Assert.Equal(edit.Rows, await QueryAsync(engine, target, edit.Query));
    }

    private async Task<string> PostgresAsync()
    {
        server.Require();
        return await server.CreateDatabaseAsync();
    }

    /// <summary>The variant's artifacts, compiled once for every test that uses them.</summary>
    private static string Artifacts(string variant, IReadOnlyList<(string FileName, string Text)> sources) =>
        Compiled.GetOrAdd(variant, _ => new Lazy<string>(() =>
        {
            string folder = Directory.CreateTempSubdirectory("warehouse-plan-model-").FullName;
            SyntheticArtifacts.Write(sources, folder);
            return folder;
        })).Value;

    private static void WriteLake(string lake, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files)
        {
            string file = Path.Combine(lake, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
    }

    /// <summary>The plan as "node: class action" lines, sorted.</summary>
    private static async Task<IReadOnlyList<string>> PlanAsync(string artifacts, string lake, string[] target)
    {
        var plan = await RunAsync(artifacts, lake, ["plan", "--format", "json", .. target]);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        using var json = JsonDocument.Parse(plan.Out);
        return json.RootElement.EnumerateArray()
            .Select(c => $"{c.GetProperty("node").GetString()}: {c.GetProperty("class").GetString()} {c.GetProperty("action").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<CliRun> RunAsync(string artifacts, string lake, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, lake, _ => null, Interactive: false);
        int exitCode = await WarehouseCli.RunAsync([.. args, "--artifacts", artifacts, "--lake", lake], null, WarehouseExtensions.None, environment,
            CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The query's rows, '|' between values and a line each; NULL as NULL.</summary>
    private static async Task<string> QueryAsync(string engine, string[] target, string sql)
    {
        await using DbConnection connection = engine == "duckdb" ? new DuckDBConnection($"Data Source={target[1]}") : new NpgsqlConnection(target[3]);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? "NULL"
                : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return string.Join('\n', rows);
    }
}
