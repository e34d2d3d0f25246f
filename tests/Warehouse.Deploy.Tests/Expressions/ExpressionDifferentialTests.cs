using System.Diagnostics;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Testing.Servers;
using Xunit.Abstractions;

namespace Warehouse.Deploy.Tests.Expressions;

/// <summary>
/// The promise of <c>[Derived]</c>, <c>[Default]</c> and <c>[Rule]</c> expressions — one model, identical results on
/// every engine — tested differentially: seeded, random, well-typed expressions (<see cref="TypedExpressionGenerator"/>)
/// are rendered by <see cref="ExpressionRenderer"/> for DuckDB and for PostgreSQL and evaluated over the edge-value
/// table (<see cref="EdgeTable"/>) on both; each must have the same result type (a decimal's precision and scale
/// included) and, in every row, the same value or the same class of error. A difference is shrunk to the smallest
/// subexpressions that differ while their own operands agree, and the report groups them by that operator or
/// function. docs/expressions-differential.md says how to run a larger corpus.
/// </summary>
[Collection(PostgresServer.Collection)]
public sealed class ExpressionDifferentialTests(PostgresServer server, ITestOutputHelper output)
{
    private const int BatchSize = 200;

    /// <summary>The one call of the renderer: a change of its signature is a change here only.</summary>
    internal static string Render(Expr expression, SqlDialect dialect) =>
        ExpressionRenderer.Render(expression, dialect, SqlDialect.Quote);

    [SkippableFact]
    public async Task Generated_expressions_agree_on_DuckDB_and_PostgreSQL()
    {
        server.Require();
        var seed = EnvironmentNumber("WAREHOUSE_EXPR_SEED", 20261203);
        var count = EnvironmentNumber("WAREHOUSE_EXPR_COUNT", 5_000);
        var clock = Stopwatch.StartNew();

        var generator = new TypedExpressionGenerator(seed);
        var corpus = new List<Expr>(count);
        var seen = new HashSet<Expr>();
        while (corpus.Count < count)
        {
            var expression = generator.Next();
            if (seen.Add(expression)) corpus.Add(expression);
        }

        // Every operator and every deterministic catalog function is generated (a new catalog function fails here until the generator writes it).
        var used = corpus.SelectMany(TypedExpressionGenerator.Subtrees).Select(TypedExpressionGenerator.NodeName).ToHashSet();
        var required = FunctionCatalog.Arity.Keys.Except(TypedExpressionGenerator.Clock).Concat(TypedExpressionGenerator.Operators);
        var missing = required.Where(name => !used.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));

        await using var duckDb = await DuckDbExpressionEngine.OpenAsync();
        await using var postgres = await PostgresExpressionEngine.OpenAsync(await server.CreateDatabaseAsync());
        var evaluator = new Evaluator(duckDb, postgres);

        await evaluator.EvaluateAsync(corpus);
        var failing = corpus.Where(e => evaluator.Differs(e)).ToList();
        output.WriteLine($"seed {seed}: {corpus.Count} expressions evaluated in {clock.Elapsed.TotalSeconds:F1} s (DuckDB {evaluator.DuckDbTime.Elapsed.TotalSeconds:F1} s, PostgreSQL {evaluator.PostgresTime.Elapsed.TotalSeconds:F1} s); {failing.Count} differ");

        var culprits = await ShrinkAsync(evaluator, failing);
        output.WriteLine($"shrunk in {clock.Elapsed.TotalSeconds:F1} s");
        var report = Report(evaluator, culprits, failing.Count, corpus.Count, seed);
        output.WriteLine(report);
        Assert.True(failing.Count == 0, report);
    }

    /// <summary>
    /// For a sample of the failing expressions (at most <c>PerGroup</c> per top-level operator, so the cost stays
    /// bounded), evaluates every subexpression and returns the culprits: each subexpression whose type differs while
    /// its operands' types agree, or whose value differs in a row where its operands' values all agree.
    /// </summary>
    private static async Task<List<Culprit>> ShrinkAsync(Evaluator evaluator, List<Expr> failing)
    {
        const int PerGroup = 12;
        var sample = failing.GroupBy(TypedExpressionGenerator.NodeName)
            .SelectMany(g => g.OrderBy(TypedExpressionGenerator.Size).Take(PerGroup)).ToList();
        await evaluator.EvaluateAsync(sample.SelectMany(TypedExpressionGenerator.Subtrees).Distinct().ToList());

        var culprits = new List<Culprit>();
        foreach (var root in sample)
        {
            foreach (var node in TypedExpressionGenerator.Subtrees(root).Distinct())
            {
                var children = TypedExpressionGenerator.Children(node).ToList();
                var (duck, pg) = evaluator.Outcomes(node);
                if (duck.Type != pg.Type && children.All(c => evaluator.Outcomes(c) is var (d, p) && d.Type == p.Type))
                    culprits.Add(new Culprit(node, root, Row: null));
                var row = Enumerable.Range(0, EdgeTable.RowCount).FirstOrDefault(r =>
                    duck.Values[r] != pg.Values[r] && children.All(c => evaluator.Outcomes(c) is var (d, p) && d.Values[r] == p.Values[r]), -1);
                if (row >= 0) culprits.Add(new Culprit(node, root, row));
            }
        }

        return culprits;
    }

    /// <summary>A subexpression that differs by itself: in its type (<paramref name="Row"/> null) or in a row's value.</summary>
    private sealed record Culprit(Expr Node, Expr Root, int? Row);

    /// <summary>
    /// The differences, one class per operator or function, kind (type or value) and the operands' types, each with
    /// its smallest example: as written, both SQL spellings, the row's inputs and both outcomes.
    /// </summary>
    private static string Report(Evaluator evaluator, List<Culprit> culprits, int failing, int total, int seed)
    {
        var text = new StringBuilder();
        var classes = culprits
            .GroupBy(c => ClassOf(evaluator, c))
            .OrderBy(g => g.Key)
            .ToList();
        text.AppendLine($"{failing} of {total} expressions differ between DuckDB and PostgreSQL (seed {seed}); {classes.Count} difference class(es):");
        foreach (var group in classes)
        {
            var example = group.OrderBy(c => TypedExpressionGenerator.Size(c.Node)).ThenBy(c => TypedExpressionGenerator.Written(c.Node).Length).First();
            var (duck, pg) = evaluator.Outcomes(example.Node);
            text.AppendLine();
            text.AppendLine($"## {group.Key}  ({group.Select(c => c.Root).Distinct().Count()} sampled expression(s))");
            text.AppendLine($"   written:    {TypedExpressionGenerator.Written(example.Node)}");
            text.AppendLine($"   DuckDB:     {Render(example.Node, SqlDialect.DuckDb)}");
            text.AppendLine($"   PostgreSQL: {Render(example.Node, SqlDialect.Postgres)}");
            if (example.Row is { } row)
            {
                text.AppendLine($"   row {row}:     {Inputs(example.Node, row)}");
                text.AppendLine($"   results:    DuckDB {duck.Values[row]} ({duck.Type}), PostgreSQL {pg.Values[row]} ({pg.Type})");
            }
            else
            {
                text.AppendLine($"   types:      DuckDB {duck.Type}, PostgreSQL {pg.Type}");
            }

            if (!ReferenceEquals(example.Root, example.Node) && example.Root != example.Node)
                text.AppendLine($"   inside:     {TypedExpressionGenerator.Written(example.Root)}");
        }

        return text.ToString();
    }

    /// <summary>"name(operand types): what differs" — the key a difference is grouped under.</summary>
    private static string ClassOf(Evaluator evaluator, Culprit culprit)
    {
        var operands = string.Join(", ", TypedExpressionGenerator.Children(culprit.Node).Select(c => evaluator.Outcomes(c).DuckDb.Type));
        var name = TypedExpressionGenerator.NodeName(culprit.Node);
        var (duck, pg) = evaluator.Outcomes(culprit.Node);
        var what = culprit.Row is { } row
            ? Kind(duck.Values[row]) + " vs " + Kind(pg.Values[row])
            : $"type {duck.Type} vs {pg.Type}";
        return $"{name}({operands}): {what}";
    }

    /// <summary>An outcome's kind for grouping: an error by its class, a value as "value".</summary>
    private static string Kind(string outcome) => outcome.StartsWith("error:", StringComparison.Ordinal) ? outcome : "value";

    private static string Inputs(Expr expression, int row) => string.Join(", ", Expr.ColumnsOf(expression).Select(c => c.Name).Distinct()
        .Select(name => $"{name}={Show(EdgeTable.Value(EdgeTable.Column(name), row))}"));

    private static string Show(string? value) => value is null ? "NULL" : "'" + value.Replace("\t", "\\t") + "'";

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>Renders and evaluates expressions on both engines in batches, and keeps every outcome by expression.</summary>
    private sealed class Evaluator(IExpressionEngine duckDb, IExpressionEngine postgres)
    {
        private readonly Dictionary<Expr, (Outcome DuckDb, Outcome Postgres)> outcomes = new();

        /// <summary>The time each engine spent evaluating (they run side by side).</summary>
        public readonly Stopwatch DuckDbTime = new(), PostgresTime = new();

        private static async Task<Outcome[]> Timed(Task<Outcome[]> evaluation, Stopwatch time)
        {
            time.Start();
            try
            {
                return await evaluation;
            }
            finally
            {
                time.Stop();
            }
        }

        public (Outcome DuckDb, Outcome Postgres) Outcomes(Expr expression) => outcomes[expression];

        public bool Differs(Expr expression) => outcomes[expression] is var (d, p) && (d.Type != p.Type || !d.Values.SequenceEqual(p.Values));

        public async Task EvaluateAsync(IReadOnlyList<Expr> expressions)
        {
            var pending = expressions.Where(e => !outcomes.ContainsKey(e)).Distinct().ToList();
            for (var start = 0; start < pending.Count; start += BatchSize)
            {
                var batch = pending.Skip(start).Take(BatchSize).ToList();
                var duck = Timed(duckDb.EvaluateAsync(batch.Select(e => Render(e, duckDb.Dialect)).ToList()), DuckDbTime);
                var pg = Timed(postgres.EvaluateAsync(batch.Select(e => Render(e, postgres.Dialect)).ToList()), PostgresTime);
                await Task.WhenAll(duck, pg);
                for (var i = 0; i < batch.Count; i++) outcomes[batch[i]] = (duck.Result[i], pg.Result[i]);
            }
        }
    }
}
