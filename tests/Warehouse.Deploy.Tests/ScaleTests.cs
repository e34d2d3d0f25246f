using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Deploy.Engines;
using Warehouse.Deploy.Execution;
using Warehouse.Deploy.Manifest;
using Warehouse.Deploy.Selection;

namespace Warehouse.Deploy.Tests;

/// <summary>
/// The runner's own work at 10,000 model nodes and 50,000 tests (issue 10): ordering, planning and a whole deploy
/// against an engine that only counts. No test here measures time (timings are the benchmarks' business,
/// benchmarks/README.md); each counts what the code does instead — element reads of the node and catalog lists,
/// round trips to the engine — and fails when that count grows faster than the input. The sizes also make a
/// quadratic algorithm obvious without a clock: 60,000² is 3.6·10⁹ steps, minutes instead of a second.
/// </summary>
public sealed partial class ScaleTests
{
    [Fact]
    public void Orders_60000_nodes_topologically_whatever_their_input_order()
    {
        var manifest = SyntheticManifest.Create();
        var nodeReads = new Counter();
        var dependencyReads = new Counter();
        var counted = manifest.Nodes.Select(n => n with { DependsOn = new CountingList<string>(n.Dependencies, dependencyReads) }).ToList();
        int edges = manifest.Nodes.Sum(n => n.Dependencies.Count);

        var order = DependencyOrder.Sort(new CountingList<ManifestNode>(counted, nodeReads));
        long nodesRead = nodeReads.Reads, dependenciesRead = dependencyReads.Reads;

        // Every node once, after all it depends on.
        Assert.Equal(manifest.Nodes.Count, order.Count);
        var position = order.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Assert.Equal(manifest.Nodes.Count, position.Count);
        Assert.All(order, n => Assert.All(n.Dependencies, d => Assert.True(position[d] < position[n.Id], $"{n.Id} runs before its dependency {d}")));
        // Ties go to the smallest id: the first node is the smallest source, and the order does not depend on the
        // order of the input (here: reversed, and shuffled with a fixed seed).
        Assert.Equal("bronze.src_00000", order[0].Id);
        var random = new Random(10);
        var reversed = DependencyOrder.Sort(manifest.Nodes.Reverse().ToList());
        var shuffled = DependencyOrder.Sort(manifest.Nodes.OrderBy(_ => random.Next()).ToList());
        Assert.Equal(order.Select(n => n.Id), reversed.Select(n => n.Id));
        Assert.Equal(order.Select(n => n.Id), shuffled.Select(n => n.Id));
        // Kahn's algorithm reads the node list and each depends_on list a few times; a sort that rescans the nodes
        // for each one it places would read the list 60,000 times.
        Assert.InRange(nodesRead, manifest.Nodes.Count, 8L * manifest.Nodes.Count);
        Assert.InRange(dependenciesRead, edges, 4L * edges);
    }

    [Fact]
    public void Plans_10000_nodes_against_their_recorded_state_and_a_catalog_of_13000()
    {
        var manifest = SyntheticManifest.Create();
        var scripts = new WarehouseScripts(manifest, SyntheticManifest.Scripts(manifest), "duckdb", new Dictionary<string, string>());
        var relations = manifest.Nodes.Where(n => n.HasRelation).ToList();
        var catalog = new List<CatalogColumn>();
        var recorded = new Dictionary<string, RecordedNode>(StringComparer.Ordinal);
        var expected = new List<(string Node, ChangeClass Class, NodeAction Action)>();
        for (int i = 0; i < relations.Count; i++)
        {
            var node = relations[i];
            var physical = node.ColumnList.Select(c => new PhysicalColumn(c.Name, c.Type.ToString())).ToList();
            var record = RecordedNode.Of(node, [], physical, scripts.SourceOf(node));
            // Planted differences on gold tables (no dependants), one of each kind per thousand tables; everything else matches.
            switch (node.Layer == "gold" ? i % 1000 : 1000)
            {
                case < 100:
                    expected.Add((node.Id, ChangeClass.NonBreaking, NodeAction.Run));
                    continue;
                case < 200:
                    record = record with { Checksum = "older", Description = "an older description" };
                    expected.Add((node.Id, ChangeClass.Metadata, NodeAction.Run));
                    break;
                case < 300:
                    physical = physical.Where(c => c.Name != "label").ToList();
                    expected.Add((node.Id, ChangeClass.NonBreaking, NodeAction.Rebuild));
                    break;
            }

            recorded[node.Id] = record;
            catalog.AddRange(physical.Select(c => new CatalogColumn(node.Schema, node.Name, c.Name, c.Type, true)));
            if (node.Quarantine is { } quarantine)
                catalog.Add(new CatalogColumn(node.Schema, quarantine[(node.Schema.Length + 1)..], "_reason", "VARCHAR", false));
        }

        for (int i = 0; i < 5; i++)
        {
            var old = RecordedNode.Of(relations[0] with { Id = $"gold.old_{i}" }, [], [], null);
            recorded[old.Node] = old;
            expected.Add((old.Node, ChangeClass.Breaking, NodeAction.Drop));
        }

        var nodeReads = new Counter();
        var catalogReads = new Counter();
        var counted = manifest with { Nodes = new CountingList<ManifestNode>(manifest.Nodes, nodeReads) };

        var plan = ChangePlan.Compute(counted, scripts, recorded, new CountingList<CatalogColumn>(catalog, catalogReads), null, allowHistoryLoss: false);

        Assert.Equal(expected, plan.Changes.Select(c => (c.Node, c.Class, c.Action)));
        Assert.True(catalog.Select(c => $"{c.Schema}.{c.Table}").Distinct().Count() > 13_000, "the catalog is as large as the test says");
        // A few passes over each: a comparison that looked a table's columns up by scanning the catalog would read it
        // once per table (10,000 × 50,000 reads).
        Assert.InRange(nodeReads.Reads, manifest.Nodes.Count, 4L * manifest.Nodes.Count);
        Assert.InRange(catalogReads.Reads, catalog.Count, 2L * catalog.Count);
    }

    [Fact]
    public async Task Deploys_10000_models_and_50000_tests_in_a_constant_number_of_round_trips_per_node()
    {
        var manifest = SyntheticManifest.Create();
        string lake = Directory.CreateTempSubdirectory("warehouse-scale-lake-").FullName;
        try
        {
            SyntheticManifest.WriteLake(manifest, lake);
            var engine = new CountingEngine();
            var reporter = new CountingReporter();
            var request = new RunRequest("deploy", manifest, SyntheticManifest.Scripts(manifest), lake, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                RunModels: true, RunTests: true);

            var results = await new RunPipeline(engine, reporter).RunAsync(request, CancellationToken.None);

            int models = manifest.Nodes.Count(n => n.Kind != NodeKinds.Test);
            int tests = manifest.Nodes.Count - models;
            Assert.Equal(ExitCodes.Ok, results.ExitCode);
            Assert.Equal(models, results.Nodes.Count);
            Assert.Equal(tests, results.Tests.Count);
            Assert.All(results.Tests, t => Assert.Equal(TestResult.Passed, t.Status));
            Assert.Equal(models, reporter.Nodes);
            Assert.Equal(tests, reporter.Tests);
            // The catalog is read once per run, not per node; the generic tests are counted TestExecutor.BatchSize to a query.
            Assert.Equal(1, engine.CatalogReads);
            Assert.Equal((tests + TestExecutor.BatchSize - 1) / TestExecutor.BatchSize, engine.TestBatches);
            // Two per run: the batch-order check asks whether processed_files exists (BatchOrder), and whether the
            // recorded node state's table exists (this engine says it does not, so there are no rows to read).
            Assert.Equal(2, engine.OtherQueries);
            // Per model: its one statement and a row count before and after; beyond that a few per run
            // (_setup.sql, run history, node state). A per-node catalog or history query would add 10,000.
            // A first deploy also records every node (its columns read, its record replaced: a delete and an insert),
            // in its own transaction; a deploy that changes nothing records nothing.
            Assert.Equal(models, engine.ColumnReads);
            Assert.InRange(engine.Statements + engine.RowCounts, 5L * models, (5L * models) + 10);
        }
        finally
        {
            Directory.Delete(lake, recursive: true);
        }
    }

    [Fact]
    public void Selects_among_60000_nodes_in_a_few_reads_of_each_node_and_edge_whatever_the_operators()
    {
        var manifest = SyntheticManifest.Create();
        var nodeReads = new Counter();
        var dependencyReads = new Counter();
        var counted = manifest.Nodes.Select(n => n with { DependsOn = new CountingList<string>(n.Dependencies, dependencyReads) }).ToList();
        int edges = manifest.Nodes.Sum(n => n.Dependencies.Count);
        // Every operator at once, over the whole graph: @ walks all descendants of a source that half the facts
        // reach through their dimensions and then all their ancestors; +m+ both ways; layer: thousands of starts.
        var select = SelectorParser.Parse("--select", ["@bronze.src_00001 +gold.fact_03332+ 2+gold.fact_01667 layer:silver,stg_00010+"]);
        var exclude = SelectorParser.Parse("--exclude", ["layer:bronze"]);

        var selector = new NodeSelector(new CountingList<ManifestNode>(counted, nodeReads));
        var selection = selector.Select(select, exclude);
        long nodesRead = nodeReads.Reads, dependenciesRead = dependencyReads.Reads;

        // The selection is what the DAG says: bronze excluded; stg_00001's dimension and the facts reading it, with
        // their tests; silver.stg_00010 (layer:silver,stg_00010+ intersects to it alone).
        Assert.DoesNotContain(selection.Ids, id => id.StartsWith("bronze.", StringComparison.Ordinal));
        Assert.Contains("gold.dim_00001", selection.Ids);
        Assert.Contains("silver.stg_00010", selection.Ids);
        Assert.DoesNotContain("gold.dim_00010", selection.Ids);
        Assert.Contains("test.not_null_fact_03332_4", selection.Ids);
        Assert.All(manifest.Nodes.Where(n => n.Kind == NodeKinds.Test && selection.Ids.Contains(n.AttachedTo!)),
            t => Assert.Contains(t.Id, selection.Ids));
        Assert.InRange(selection.Ids.Count, 100, manifest.Nodes.Count / 2);
        Assert.Equal(manifest.Nodes.Count, selection.TotalNodes + selection.TotalTests);
        // The selector indexes the nodes and their depends_on once; the walks use its own index. A walk that looked
        // children up by scanning the node list would read it once per node reached (10⁸ reads).
        Assert.InRange(nodesRead, manifest.Nodes.Count, 2L * manifest.Nodes.Count);
        Assert.InRange(dependenciesRead, edges, 2L * edges);
    }

    /// <summary>
    /// A manifest shaped like the synthetic benchmark warehouse: 3,334 chains source → staging → dimension, every
    /// third ending in a fact that also depends on three earlier dimensions (10,002 models), and five generic tests
    /// per model (50,010 tests). Nodes are sorted by id, as the generator writes them.
    /// </summary>
    private static class SyntheticManifest
    {
        private const int Chains = 3_334;
        private const int TestsPerModel = 5;

        private static readonly ManifestColumn[] Columns =
        [
            new("id", TestManifests.BigInt, Nullable: false),
            new("label", TestManifests.Varchar(100), Nullable: false),
            new("amount", TestManifests.Decimal(18, 2)),
        ];

        public static WarehouseManifest Create()
        {
            var nodes = new List<ManifestNode>();
            var dimensions = new List<string>();
            for (int i = 0; i < Chains; i++)
            {
                string n = i.ToString("D5", CultureInfo.InvariantCulture);
                nodes.Add(Node($"bronze.src_{n}", "source", "bronze", "source", [], new SourceSpec($"landing/src_{n}/", $"src_{n}*.csv")));
                nodes.Add(Node($"silver.stg_{n}", "staging", "silver", "incremental", [$"bronze.src_{n}"], quarantine: $"silver.stg_{n}__quarantine"));
                if (i % 3 == 2 && dimensions.Count >= 3)
                {
                    string[] referenced = [dimensions[^1], dimensions[^2], dimensions[dimensions.Count / 2]];
                    nodes.Add(Node($"gold.fact_{n}", "fact", "gold", "incremental", [$"silver.stg_{n}", .. referenced.Distinct()]));
                }
                else
                {
                    nodes.Add(Node($"gold.dim_{n}", "dimension", "gold", "table", [$"silver.stg_{n}"]));
                    dimensions.Add($"gold.dim_{n}");
                }
            }

            var models = nodes.ToList();
            foreach (var model in models)
            {
                for (int t = 0; t < TestsPerModel; t++)
                {
                    string id = $"test.not_null_{model.Name}_{t}";
                    nodes.Add(new ManifestNode(id, NodeKinds.Test, model.Layer, "test", id[5..], null, null, "test", null, null, null, null, null,
                        [model.Id], new Dictionary<string, string> { ["duckdb"] = $"duckdb/tests/{id[5..]}.sql" }, "error", model.Id, "not_null", null));
                }
            }

            nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return new WarehouseManifest(WarehouseManifest.SupportedFormat, "Scale", ["duckdb"],
                new Dictionary<string, string> { ["duckdb"] = "duckdb/_setup.sql" }, new Dictionary<string, IReadOnlyList<string>>(),
                TestManifests.Bookkeeping, TestManifests.Aws, nodes);
        }

        private static ManifestNode Node(string id, string kind, string layer, string materialization, string[] dependsOn,
            SourceSpec? source = null, string? quarantine = null)
        {
            string schema = id[..id.IndexOf('.', StringComparison.Ordinal)];
            string name = id[(schema.Length + 1)..];
            return new ManifestNode(id, kind, layer, schema, name, null, null, materialization, Columns, source, "id", null, quarantine,
                dependsOn, new Dictionary<string, string> { ["duckdb"] = $"duckdb/{layer}/{name}.sql" }, null, null, null, null);
        }

        /// <summary>One statement per model and per test, and a setup script.</summary>
        public static InMemoryArtifactSource Scripts(WarehouseManifest manifest)
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["duckdb/_setup.sql"] = "CREATE SCHEMA IF NOT EXISTS silver;\n" };
            foreach (var node in manifest.Nodes)
            {
                files[node.Sql!["duckdb"]] = node.Kind == NodeKinds.Test
                    ? $"SELECT * FROM {node.AttachedTo} WHERE id IS NULL;\n"
                    : $"CREATE TABLE IF NOT EXISTS {node.Id} AS SELECT 1 AS id;\n";
            }

            return new InMemoryArtifactSource(files);
        }

        /// <summary>A header-only file per source: the lake is validated before the (counting) engine is used.</summary>
        public static void WriteLake(WarehouseManifest manifest, string lakeRoot)
        {
            foreach (var source in manifest.Sources)
            {
                string folder = Path.Combine(lakeRoot, source.Source!.Prefix);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, source.Name + ".csv"), string.Join('|', Columns.Select(c => c.Name)) + "\n");
            }
        }
    }

    private sealed class Counter
    {
        public long Reads { get; set; }
    }

    /// <summary>A read-only list that counts every element read, by index or by enumeration (LINQ enumerates it).</summary>
    private sealed class CountingList<T>(IReadOnlyList<T> items, Counter counter) : IReadOnlyList<T>
    {
        public T this[int index]
        {
            get
            {
                counter.Reads++;
                return items[index];
            }
        }

        public int Count => items.Count;

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in items)
            {
                counter.Reads++;
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class CountingReporter : IRunReporter
    {
        public int Nodes { get; private set; }

        public int Tests { get; private set; }

        public void Step(string message)
        {
        }

        public void NodeFinished(NodeResult node) => Nodes++;

        public void TestFinished(TestResult test) => Tests++;
    }

    /// <summary>An engine that runs nothing: it counts round trips by kind and reports every test as passing.</summary>
    private sealed partial class CountingEngine : IWarehouseEngine
    {
        public string Dialect => "duckdb";

        // Like DuckDB: bronze reads the lake itself, deploys are locked.
        public EngineCapabilities Capabilities { get; } = new(BulkLoadsBronze: false, LocksDeploys: true);

        public string Target => "counting";

        public long Statements { get; private set; }

        public long RowCounts { get; private set; }

        public int CatalogReads { get; private set; }

        public int ColumnReads { get; private set; }

        public int TestBatches { get; private set; }

        public int OtherQueries { get; private set; }

        [GeneratedRegex(@"SELECT (\d+) AS test_index")]
        private static partial Regex TestIndex();

        public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IAsyncDisposable> AcquireDeployLockAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(new NoLock());

        public Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => Task.FromResult<DbTransaction>(new NoTransaction());

        public Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            Statements++;
            return Task.CompletedTask;
        }

        /// <summary>The batched test count (<c>SELECT i AS test_index, COUNT(*) …</c>): no failures for any test.</summary>
        public Task<QueryResult> QueryAsync(string sql, DbTransaction? transaction, int keepRows, CancellationToken cancellationToken)
        {
            var indexes = TestIndex().Matches(sql);
            if (indexes.Count == 0)
            {
                OtherQueries++;
                return Task.FromResult(new QueryResult([], [], 0));
            }

            TestBatches++;
            var rows = indexes.Select(m => (IReadOnlyList<string>)[m.Groups[1].Value, "0"]).ToList();
            return Task.FromResult(new QueryResult(["test_index", "failures"], rows, rows.Count));
        }

        public Task<bool> RelationExistsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            OtherQueries++;
            return Task.FromResult(false);
        }

        public Task<IReadOnlyList<long>> CountRowsAsync(IReadOnlyList<string> qualifiedNames, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            RowCounts++;
            return Task.FromResult<IReadOnlyList<long>>(qualifiedNames.Select(_ => 0L).ToList());
        }

        public Task<long> LoadSourceAsync(ManifestNode source, IReadOnlyList<string> files, string lakeRoot, ManifestBookkeeping bookkeeping, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("bronze is not bulk-loaded on this engine");

        public string? HintFor(DbException error) => null;

        public Task<IReadOnlyList<CatalogColumn>> ReadCatalogAsync(IReadOnlyCollection<string> schemas, CancellationToken cancellationToken)
        {
            CatalogReads++;
            return Task.FromResult<IReadOnlyList<CatalogColumn>>([]);
        }

        public Task<IReadOnlyList<CatalogColumn>> ReadColumnsAsync(string qualifiedName, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            ColumnReads++;
            return Task.FromResult<IReadOnlyList<CatalogColumn>>([]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class NoLock : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }

        private sealed class NoTransaction : DbTransaction
        {
            public override IsolationLevel IsolationLevel => IsolationLevel.Serializable;

            protected override DbConnection? DbConnection => null;

            public override void Commit()
            {
            }

            public override void Rollback()
            {
            }
        }
    }
}
