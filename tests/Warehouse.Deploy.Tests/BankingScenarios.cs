using Warehouse.Testing;
using System.Globalization;
using System.Text.Json;
using Warehouse.Deploy.Manifest;
using Warehouse.Testing.Servers;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The real Banking artifacts deployed on a real engine (issue 4): every script, incremental reruns, type 2,
/// late members, quarantine, failing tests and atomic publish. Each engine runs the same scenarios.
/// </summary>
public abstract class BankingScenarios
{
    private const string FirstAsOf = "2020-01-01";
    private const string SecondAsOf = "2024-07-01";

    protected abstract Task<BankingTarget> NewTargetAsync(BankingWarehouse warehouse, string name = "banking");

    [SkippableFact]
    public async Task Every_script_runs_reruns_change_nothing_and_batch_2_opens_type_2_versions()
    {
        using var warehouse = new BankingWarehouse();
        var target = await NewTargetAsync(warehouse);

        // 1. Every node and every test of the sample, then every analysis.
        var first = await warehouse.DeployAsync(target, FirstAsOf);
        Assert.True(first.ExitCode == 0, first.ToString());
        using (var results = warehouse.RunResults())
        {
            int models = warehouse.Manifest.Nodes.Count(n => n.Kind is not (NodeKinds.Test or NodeKinds.Analysis));
            Assert.Equal(models, results.RootElement.GetProperty("nodes").GetArrayLength());
            Assert.Equal(warehouse.Manifest.Tests.Count(), results.RootElement.GetProperty("tests").GetArrayLength());
            Assert.All(results.RootElement.GetProperty("tests").EnumerateArray(), t => Assert.Equal("pass", t.GetProperty("status").GetString()));
        }

        // plan right after the deploy: nothing to do (each node's recorded checksum and columns are the model's).
        var plan = await warehouse.RunAsync(target, ["plan"]);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("no changes", plan.Out, StringComparison.Ordinal);

        var analyze = await warehouse.RunAsync(target, ["analyze", "--format", "json"]);
        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        using (var analyses = JsonDocument.Parse(analyze.Out))
        {
            foreach (var analysis in warehouse.Manifest.Analyses)
                Assert.NotEqual(0, analyses.RootElement.GetProperty(analysis.Id).GetArrayLength());
        }

        // 2. A second deploy with no new data changes nothing, not even with a later as-of.
        var before = await target.DumpAsync("silver", "gold", "_warehouse");
        var rerun = await warehouse.DeployAsync(target, "2020-06-01");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var after = await target.DumpAsync("silver", "gold", "_warehouse");
        before.Remove(before.Keys.Single(k => k.StartsWith("_warehouse.deploy_runs", StringComparison.Ordinal)));
        after.Remove(after.Keys.Single(k => k.StartsWith("_warehouse.deploy_runs", StringComparison.Ordinal)));
        AssertSameTables(before, after);

        // 3. Batch 2: only the new files are processed.
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate", "--batch", "2"])).ExitCode);
        var batch2Facts = warehouse.ReadLakeFile("landing/fact_transactions/fact_transactions_batch2.csv").ToList();
        Assert.Contains(batch2Facts, r => int.Parse(r[1], CultureInfo.InvariantCulture) > 1644); // date_id 1644 = 2024-07-01
        var second = await warehouse.DeployAsync(target, SecondAsOf);
        Assert.True(second.ExitCode == 0, second.ToString());

        var processed = await target.QueryAsync(
            $"SELECT node, source_file, CAST(rows_read AS VARCHAR) FROM _warehouse.processed_files WHERE batch_at = TIMESTAMP '{SecondAsOf} 00:00:00'");
        Assert.Equal(7, processed.Count);
        Assert.All(processed, p => Assert.EndsWith("_batch2.csv", p[1], StringComparison.Ordinal));
        Assert.Contains(processed, p => p[0] == "silver.stg_transactions" && p[2] == "1000");
        Assert.Equal(14 + 7, await target.CountAsync("SELECT count(*) FROM _warehouse.processed_files"));
        foreach (var fact in new[] { "fact_transactions", "fact_loans", "fact_investments", "fact_daily_balances", "fact_customer_interactions" })
        {
            Assert.Equal(11_000, await target.CountAsync($"SELECT count(*) FROM gold.{fact}"));
            Assert.Equal(1_000, await target.CountAsync($"SELECT count(*) FROM gold.{fact} WHERE _batch_at = TIMESTAMP '{SecondAsOf} 00:00:00'"));
        }

        Assert.Equal(11_000, await target.CountAsync("SELECT count(DISTINCT transaction_id) FROM gold.fact_transactions"));

        // 4. Type 2: each changed account has its old version closed at the as-of and a new current one.
        var original = warehouse.ReadLakeFile("landing/dim_accounts/dim_accounts.csv").ToDictionary(r => r[0]);
        var changed = warehouse.ReadLakeFile("landing/dim_accounts/dim_accounts_batch2.csv")
            .Where(r => decimal.Parse(r[4], CultureInfo.InvariantCulture) != decimal.Parse(original[r[0]][4], CultureInfo.InvariantCulture)
                        || r[5] != original[r[0]][5]).ToList();
        Assert.NotEmpty(changed);
        var versions = await target.QueryAsync(
            "SELECT CAST(account_id AS VARCHAR), CAST(account_balance AS VARCHAR), CAST(valid_from AS VARCHAR), CAST(valid_to AS VARCHAR), CAST(is_current AS VARCHAR) " +
            "FROM gold.dim_accounts WHERE account_key <> -1 ORDER BY account_id, valid_from");
        foreach (var account in changed)
        {
            var mine = versions.Where(v => v[0] == account[0]).ToList();
            Assert.Equal(2, mine.Count);
            Assert.Equal([original[account[0]][0], "1900-01-01 00:00:00", $"{SecondAsOf} 00:00:00", "false"], [mine[0][0], mine[0][2], mine[0][3], mine[0][4]]);
            Assert.Equal(decimal.Parse(account[4], CultureInfo.InvariantCulture), decimal.Parse(mine[1][1], CultureInfo.InvariantCulture));
            Assert.Equal([$"{SecondAsOf} 00:00:00", "9999-12-31 00:00:00", "true"], mine[1][2..]);
        }

        Assert.Equal(versions.Select(v => v[0]).Distinct().Count() + changed.Count, versions.Count);

        // Facts dated on or after the as-of point to the new version, earlier ones to the old one; none to a wrong one.
        string ids = string.Join(", ", changed.Select(c => c[0]));
        foreach (var fact in new[] { "fact_transactions", "fact_loans", "fact_investments", "fact_daily_balances" })
        {
            string join = $"FROM gold.{fact} AS f JOIN gold.dim_dates AS d ON d.date_key = f.date_key JOIN gold.dim_accounts AS a ON a.account_key = f.account_key ";
            Assert.Equal(0, await target.CountAsync($"SELECT count(*) {join} WHERE NOT (CAST(d.date AS TIMESTAMP) >= a.valid_from AND CAST(d.date AS TIMESTAMP) < a.valid_to)"));
            Assert.Equal(0, await target.CountAsync($"SELECT count(*) FROM gold.{fact} WHERE account_key = -1"));
            Assert.NotEqual(0, await target.CountAsync($"SELECT count(*) {join} WHERE a.account_id IN ({ids}) AND d.date >= DATE '{SecondAsOf}' AND a.is_current"));
            Assert.NotEqual(0, await target.CountAsync($"SELECT count(*) {join} WHERE a.account_id IN ({ids}) AND d.date < DATE '{SecondAsOf}' AND NOT a.is_current"));
        }

        // 5. Type-1 columns overwrite every version and open none.
        var moved = changed[0];
        string newType = moved[3] == "Investment" ? "Savings" : "Investment";
        warehouse.WriteLakeFile("landing/dim_accounts/dim_accounts_batch3.csv", string.Join('|', SeedHeader("dim_accounts")),
            string.Join('|', moved[0], moved[1], moved[2], newType, moved[4], moved[5]));
        var third = await warehouse.DeployAsync(target, "2024-08-01");
        Assert.True(third.ExitCode == 0, third.ToString());
        var retyped = await target.QueryAsync($"SELECT account_type, CAST(is_current AS VARCHAR) FROM gold.dim_accounts WHERE account_id = {moved[0]} ORDER BY valid_from");
        Assert.Equal([[newType, "false"], [newType, "true"]], retyped);
    }

    [SkippableFact]
    public async Task Malformed_rows_are_quarantined_per_file_and_late_members_get_the_unknown_key()
    {
        using var warehouse = new BankingWarehouse();
        var target = await NewTargetAsync(warehouse);
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate"])).ExitCode);
        const string file = "landing/fact_transactions/fact_transactions_late.csv";
        warehouse.WriteLakeFile(file, string.Join('|', SeedHeader("fact_transactions")),
            "900001|100|1|5|1|1|1|abc|Completed",        // bad number
            "900002|100|1||1|1|1|10.5|Completed",        // empty required field
            "900003|100|1|5|1|1|1|-5|Completed",         // rule: positive amount
            "900004|100|1|5|1|1|1|20|Completed",         // duplicate key: one row kept, one quarantined
            "900004|100|1|5|1|1|1|21|Completed",
            "900005|100|1|999999|1|1|1|30|Completed");   // account not in dim_accounts: late member

        var run = await warehouse.DeployAsync(target, FirstAsOf);

        Assert.True(run.ExitCode == 0, run.ToString());
        var quarantined = await target.QueryAsync(
            "SELECT transaction_id, _rule, _reason, _source_file FROM silver.stg_transactions__quarantine ORDER BY transaction_id, _rule");
        Assert.Equal(["900001", "900002", "900003", "900004"], quarantined.Select(q => q[0]));
        Assert.Equal(["invalid_transaction_amount", "missing_account_id", "positive_amount", "duplicate_key"], quarantined.Select(q => q[1]));
        Assert.All(quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q[2])));
        Assert.All(quarantined, q => Assert.Equal(file, q[3]));
        Assert.Equal("21", (await target.QueryAsync("SELECT CAST(CAST(transaction_amount AS INTEGER) AS VARCHAR) FROM silver.stg_transactions WHERE transaction_id = 900004"))[0][0]);

        // Bronze rows of each file = silver rows + quarantined rows, for every file of every staging model.
        foreach (var staging in warehouse.Manifest.Nodes.Where(n => n.Quarantine is not null))
        {
            string bronze = staging.Dependencies.Single(d => d.StartsWith("bronze.", StringComparison.Ordinal));
            var delivered = (await target.QueryAsync($"SELECT _source_file, CAST(count(*) AS VARCHAR) FROM {bronze} GROUP BY _source_file"))
                .ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));
            var counted = await target.QueryAsync(
                $"SELECT source_file, CAST(rows_read AS VARCHAR), CAST(rows_loaded AS VARCHAR), CAST(rows_quarantined AS VARCHAR) FROM _warehouse.processed_files WHERE node = '{staging.Id}'");
            Assert.Equal(delivered.Keys.Order(), counted.Select(c => c[0]).Order());
            foreach (var c in counted)
            {
                long read = long.Parse(c[1], CultureInfo.InvariantCulture), loaded = long.Parse(c[2], CultureInfo.InvariantCulture), bad = long.Parse(c[3], CultureInfo.InvariantCulture);
                Assert.Equal(delivered[c[0]], read);
                Assert.Equal(read, loaded + bad);
                Assert.Equal(bad, await target.CountAsync($"SELECT count(*) FROM {staging.Quarantine} WHERE _source_file = '{c[0]}'"));
            }
        }

        Assert.Equal(10_002, await target.CountAsync("SELECT count(*) FROM silver.stg_transactions"));
        Assert.Equal(10_002, await target.CountAsync("SELECT count(*) FROM gold.fact_transactions"));
        Assert.Equal(-1, await target.CountAsync("SELECT account_key FROM gold.fact_transactions WHERE transaction_id = 900005"));
        using var results = warehouse.RunResults();
        var knownMember = results.RootElement.GetProperty("tests").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "test.known_member_fact_transactions_account_key");
        Assert.Equal("warn", knownMember.GetProperty("status").GetString());
        Assert.Equal(1, knownMember.GetProperty("failures").GetInt64());
        Assert.Contains("tests: 244 passed, 0 failed, 1 warned", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Failing_test_or_statement_publishes_nothing_and_the_fixed_rerun_equals_a_clean_run()
    {
        using var warehouse = new BankingWarehouse();
        var target = await NewTargetAsync(warehouse);
        var twin = await NewTargetAsync(warehouse, "twin");
        string twinLake = Path.Combine(warehouse.Root, "twin-lake");
        Assert.Equal(0, (await warehouse.DeployAsync(target, FirstAsOf)).ExitCode);
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate"], twinLake)).ExitCode);
        Assert.Equal(0, (await warehouse.DeployAsync(twin, FirstAsOf, twinLake)).ExitCode);
        var published = await target.DumpAsync("gold");

        // An error-severity test fails: exit 3, its first failing rows printed, gold as it was.
        var account = warehouse.ReadLakeFile("landing/dim_accounts/dim_accounts.csv").First();
        string header = string.Join('|', SeedHeader("dim_accounts"));
        warehouse.WriteLakeFile("landing/dim_accounts/dim_accounts_batch2.csv", header, string.Join('|', account[0], account[1], account[2], "Savings", "-5", account[5]));
        var failing = await warehouse.DeployAsync(target, "2021-01-01");
        Assert.Equal(3, failing.ExitCode);
        Assert.Equal("error: 1 test(s) failed; nothing was published", failing.Error.Trim());
        Assert.Contains("fail test.no_negative_savings_or_checking_balance (1 failing row(s)", failing.Out, StringComparison.Ordinal);
        Assert.Contains("-5.00", failing.Out, StringComparison.Ordinal);
        AssertSameTables(published, await target.DumpAsync("gold"));

        // The data is fixed by a later file, but a gold statement breaks after earlier gold nodes ran: still nothing.
        string fix = string.Join('|', account[0], account[1], account[2], "Savings", "1234.5", account[5]);
        warehouse.WriteLakeFile("landing/dim_accounts/dim_accounts_batch3.csv", header, fix);
        var scripts = new[] { "duckdb", "postgres" }.Select(d => Path.Combine(warehouse.Artifacts, d, "gold", "fact_transactions.sql")).ToList();
        var originals = scripts.Select(File.ReadAllText).ToList();
        foreach (var script in scripts)
            File.AppendAllText(script, "SELECT * FROM \"gold\".\"no_such_table\";\n");
        var broken = await warehouse.DeployAsync(target, "2022-01-01");
        Assert.Equal(5, broken.ExitCode);
        Assert.StartsWith("error: gold.fact_transactions: statement", broken.Error, StringComparison.Ordinal);
        AssertSameTables(published, await target.DumpAsync("gold"));

        // Fixed and rerun: the same gold as a warehouse that only ever saw successful deploys.
        for (int i = 0; i < scripts.Count; i++)
            File.WriteAllText(scripts[i], originals[i]);
        var rerun = await warehouse.DeployAsync(target, "2022-01-01");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        File.Copy(warehouse.LakeFile("landing/dim_accounts/dim_accounts_batch2.csv"), warehouse.LakeFile("landing/dim_accounts/dim_accounts_batch2.csv", twinLake));
        File.Copy(warehouse.LakeFile("landing/dim_accounts/dim_accounts_batch3.csv"), warehouse.LakeFile("landing/dim_accounts/dim_accounts_batch3.csv", twinLake));
        Assert.Equal(0, (await warehouse.DeployAsync(twin, "2022-01-01", twinLake)).ExitCode);
        AssertSameTables(await twin.DumpAsync("gold"), await target.DumpAsync("gold"));
        Assert.Equal(2, await target.CountAsync($"SELECT count(*) FROM gold.dim_accounts WHERE account_id = {account[0]}"));
    }

    [SkippableFact]
    public async Task Full_refresh_rebuilds_from_bronze_only_the_selection_and_type_2_history_only_with_consent()
    {
        using var warehouse = new BankingWarehouse();
        var target = await NewTargetAsync(warehouse);
        Assert.Equal(0, (await warehouse.DeployAsync(target, FirstAsOf)).ExitCode);
        var clean = await target.DumpAsync("silver", "gold");
        static SortedDictionary<string, List<string>> Of(SortedDictionary<string, List<string>> dump, params string[] tables) =>
            new(dump.Where(t => tables.Any(name => t.Key.StartsWith(name + "(", StringComparison.Ordinal))).ToDictionary(), StringComparer.Ordinal);
        string[] channels = ["silver.stg_channels", "gold.dim_channels", "gold.fact_customer_interactions"];

        // Silver damaged by hand: an incremental run skips the processed files and carries the damage into gold.
        long loanFact = await target.CountAsync("SELECT min(loan_fact_id) FROM silver.stg_loan_facts");
        await target.QueryAsync("UPDATE silver.stg_channels SET channel_name = 'stale'");
        await target.QueryAsync($"DELETE FROM silver.stg_loan_facts WHERE loan_fact_id = {loanFact}");
        var incremental = await warehouse.RunAsync(target, ["run", "--as-of", FirstAsOf]);
        Assert.True(incremental.ExitCode == 0, incremental.ToString());
        Assert.NotEqual(0, await target.CountAsync("SELECT count(*) FROM gold.dim_channels WHERE channel_name = 'stale'"));

        // --select: the channels and what reads them are rebuilt from bronze, the loan facts stay as they were.
        var selected = await warehouse.RunAsync(target, ["run", "--full-refresh", "--select", "silver.stg_channels+", "--as-of", FirstAsOf]);
        Assert.True(selected.ExitCode == 0, selected.ToString());
        var refreshed = await target.DumpAsync("silver", "gold");
        AssertSameTables(Of(clean, channels), Of(refreshed, channels));
        Assert.Equal(0, await target.CountAsync($"SELECT count(*) FROM silver.stg_loan_facts WHERE loan_fact_id = {loanFact}"));

        // Everything, type-2 dimensions included, without consent: one line naming each dimension and what is lost; nothing runs.
        var refused = await warehouse.RunAsync(target, ["run", "--full-refresh", "--as-of", FirstAsOf]);
        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.Error.Trim().Split('\n'));
        Assert.StartsWith("error: --full-refresh would rebuild 2 type-2 dimension(s) from bronze and lose their history: " +
            "gold.dim_accounts, gold.dim_customers (every closed valid_from/valid_to version is dropped", line, StringComparison.Ordinal);
        Assert.EndsWith("nothing was run: pass --allow-history-loss to rebuild them anyway, or leave them out with --exclude", line, StringComparison.Ordinal);
        AssertSameTables(refreshed, await target.DumpAsync("silver", "gold"));

        // Batch 2 opens type-2 versions; a consented full refresh (with the tests, by deploy) rebuilds all of silver
        // and gold from the lake: the deleted fact is back, each member has one version, as on a fresh database.
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate", "--batch", "2"])).ExitCode);
        Assert.Equal(0, (await warehouse.DeployAsync(target, SecondAsOf)).ExitCode);
        Assert.NotEqual(0, await target.CountAsync("SELECT count(*) FROM gold.dim_accounts WHERE NOT is_current"));

        // A refresh whose tests fail publishes nothing: the old gold, its history included, stays.
        var published = await target.DumpAsync("gold");
        var account = warehouse.ReadLakeFile("landing/dim_accounts/dim_accounts.csv").First();
        string header = string.Join('|', SeedHeader("dim_accounts"));
        warehouse.WriteLakeFile("landing/dim_accounts/dim_accounts_batch3.csv", header, string.Join('|', account[0], account[1], account[2], "Savings", "-5", account[5]));
        var failing = await warehouse.RunAsync(target, ["deploy", "--full-refresh", "--allow-history-loss", "--as-of", SecondAsOf]);
        Assert.True(failing.ExitCode == 3, failing.ToString());
        AssertSameTables(published, await target.DumpAsync("gold"));
        // Bronze keeps what it loaded (PostgreSQL), so a later file corrects the balance.
        warehouse.WriteLakeFile("landing/dim_accounts/dim_accounts_batch4.csv", header, string.Join('|', account[0], account[1], account[2], "Savings", "1234.5", account[5]));

        var consented = await warehouse.RunAsync(target, ["deploy", "--full-refresh", "--allow-history-loss", "--as-of", SecondAsOf]);
        Assert.True(consented.ExitCode == 0, consented.ToString());
        Assert.Equal(0, await target.CountAsync("SELECT count(*) FROM gold.dim_accounts WHERE NOT is_current"));
        Assert.Equal(1, await target.CountAsync($"SELECT count(*) FROM silver.stg_loan_facts WHERE loan_fact_id = {loanFact}"));
        var fresh = await NewTargetAsync(warehouse, "fresh");
        Assert.Equal(0, (await warehouse.DeployAsync(fresh, SecondAsOf)).ExitCode);
        AssertSameTables(await fresh.DumpAsync("silver", "gold"), await target.DumpAsync("silver", "gold"));
    }

    [SkippableFact]
    public async Task Bad_input_is_one_line_with_a_non_zero_exit_and_publishes_nothing()
    {
        using var warehouse = new BankingWarehouse();
        var target = await NewTargetAsync(warehouse);
        Assert.Equal(0, (await warehouse.DeployAsync(target, FirstAsOf)).ExitCode);
        var published = await target.DumpAsync("silver", "gold");
        string header = string.Join('|', SeedHeader("fact_loans"));

        async Task Rejected(int exitCode, string expected, CliRun run)
        {
            Assert.True(run.ExitCode == exitCode, run.ToString());
            Assert.Single(run.Error.Trim().Split('\n'));
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
            AssertSameTables(published, await target.DumpAsync("silver", "gold"));
        }

        await Rejected(1, "/no/such/folder: data folder not found", await warehouse.RunAsync(target, ["deploy", "--data", "/no/such/folder"]));
        await Rejected(1, "unknown target oracle; known: duckdb, postgres, aws", await warehouse.RunAsync(null, ["deploy", "--target", "oracle"]));
        warehouse.WriteLakeFile("landing/fact_loans/fact_loans_batch2.csv", "loan_fact_id|date_id|loan_id", "1|2|3");
        await Rejected(1, "fact_loans_batch2.csv:1: expected columns " + header, await warehouse.DeployAsync(target, "2021-01-01"));
        warehouse.WriteLakeFile("landing/fact_loans/fact_loans_batch2.csv", header, "20001|1|1|1|1|1|500|Approved", "20002|1|1|1|1|1|500");
        await Rejected(1, "fact_loans_batch2.csv:3: expected 8 fields but found 7", await warehouse.DeployAsync(target, "2021-01-01"));
    }

    protected static void AssertSameTables(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            var missing = rows.Except(actual[table]).Take(3).ToList();
            var extra = actual[table].Except(rows).Take(3).ToList();
            Assert.True(rows.SequenceEqual(actual[table]),
                $"{table}: {rows.Count} vs {actual[table].Count} rows; missing {string.Join(" ; ", missing)}; extra {string.Join(" ; ", extra)}");
        }
    }

    protected static string[] SeedHeader(string table) => Banking.Lake.SeedSchema.Columns[table];
}

public sealed class BankingDuckDbTests : BankingScenarios
{
    protected override Task<BankingTarget> NewTargetAsync(BankingWarehouse warehouse, string name = "banking") =>
        Task.FromResult<BankingTarget>(new DuckDbTarget(warehouse.DuckDbPath(name)));

    [SkippableFact]
    public async Task Deploy_data_uses_a_lake_and_database_of_its_own_and_refuses_to_mix()
    {
        string? seed = Repository.SeedData;
        Skip.If(seed is null, "the reference seed (shared/reference/lakehouse-formation-data beside the repository) is not on this machine");
        using var warehouse = new BankingWarehouse();
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate"])).ExitCode);
        var generated = Directory.GetFiles(warehouse.Lake, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        var run = await warehouse.RunAsync(null, ["deploy", "--data", seed!, "--as-of", "2020-01-01"], lake: "");

        Assert.True(run.ExitCode == 0, run.ToString());
        string lake = Path.Combine(warehouse.Artifacts, "lakes", "lakehouse-formation-data");
        Assert.Equal(14, Directory.GetFiles(Path.Combine(lake, "landing"), "*.csv", SearchOption.AllDirectories).Length);
        var target = new DuckDbTarget(Path.Combine(warehouse.Artifacts, "banking-lakehouse-formation-data.duckdb"));
        long delivered = File.ReadLines(Path.Combine(seed!, "fact_transactions.csv")).Count() - 1;
        Assert.Equal(delivered, await target.CountAsync("SELECT count(*) FROM gold.fact_transactions")
                                + await target.CountAsync("SELECT count(*) FROM silver.stg_transactions__quarantine"));
        Assert.All(generated, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));

        var again = await warehouse.RunAsync(null, ["deploy", "--data", seed!, "--as-of", "2020-02-01"], lake: "");
        Assert.True(again.ExitCode == 0, again.ToString());
        var mixed = await warehouse.RunAsync(null, ["deploy", "--data", seed!], lake: warehouse.Lake);
        Assert.Equal(1, mixed.ExitCode);
        Assert.Contains("the lake already holds a different landing/dim_accounts/dim_accounts.csv", mixed.Error, StringComparison.Ordinal);
        Assert.All(generated, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
    }
}

[Collection(PostgresServer.Collection)]
public sealed class BankingPostgresTests(PostgresServer server) : BankingScenarios
{
    protected override async Task<BankingTarget> NewTargetAsync(BankingWarehouse warehouse, string name = "banking")
    {
        server.Require();
        return new PostgresTarget(await server.CreateDatabaseAsync());
    }

    [SkippableFact]
    public async Task Same_bronze_gives_identical_gold_and_silver_on_duckdb_and_postgresql()
    {
        using var warehouse = new BankingWarehouse();
        var postgres = await NewTargetAsync(warehouse);
        var duckdb = new DuckDbTarget(warehouse.DuckDbPath());
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate"])).ExitCode);
        foreach (var (batch, asOf) in new[] { (2, "2024-07-01") })
        {
            Assert.Equal(0, (await warehouse.DeployAsync(duckdb, "2020-01-01")).ExitCode);
            Assert.Equal(0, (await warehouse.DeployAsync(postgres, "2020-01-01")).ExitCode);
            Assert.Equal(0, (await warehouse.RunAsync(null, ["generate", "--batch", batch.ToString(CultureInfo.InvariantCulture)])).ExitCode);
            Assert.Equal(0, (await warehouse.DeployAsync(duckdb, asOf)).ExitCode);
            Assert.Equal(0, (await warehouse.DeployAsync(postgres, asOf)).ExitCode);
        }

        // Every column, surrogate keys (MD5-based) and _batch_at included.
        AssertSameTables(await duckdb.DumpAsync("silver", "gold"), await postgres.DumpAsync("silver", "gold"));
    }

    [SkippableFact]
    public async Task Concurrent_deploy_on_the_same_database_gets_the_lock_message()
    {
        using var warehouse = new BankingWarehouse();
        var target = (PostgresTarget)await NewTargetAsync(warehouse);
        Assert.Equal(0, (await warehouse.RunAsync(null, ["generate"])).ExitCode);

        var runs = await Task.WhenAll(Task.Run(() => warehouse.DeployAsync(target, "2020-01-01")), Task.Run(() => warehouse.DeployAsync(target, "2020-01-01")));

        Assert.Equal([0, 4], runs.Select(r => r.ExitCode).Order());
        Assert.Matches(@"^error: another deploy is running on postgres://postgres@127\.0\.0\.1:\d+/test_\w+ since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$",
            runs.Single(r => r.ExitCode == 4).Error.Trim());
    }
}
