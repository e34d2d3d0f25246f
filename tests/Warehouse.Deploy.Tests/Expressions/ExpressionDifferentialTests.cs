using System.Diagnostics;
using System.Text;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Expressions;
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
        var untyped = 0;
        while (corpus.Count < count)
        {
            var expression = generator.Next();
            if (!seen.Add(expression)) continue;
            // The language's own typing decides what a model may write (WH0060 otherwise): the rest is the corpus.
            if (ExpressionTypes.Type(expression).Problem is null) corpus.Add(expression);
            else untyped++;
        }

        // Every operator and every deterministic catalog function is generated (a new catalog function fails here until the generator writes it).
        var used = corpus.SelectMany(TypedExpressionGenerator.Subtrees).Select(TypedExpressionGenerator.NodeName).ToHashSet();
        var required = FunctionCatalog.Arity.Keys.Except(TypedExpressionGenerator.Clock).Concat(TypedExpressionGenerator.Operators);
        var missing = required.Where(name => !used.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));

        // The text the report shows is what a model would write: the compiler's parser reads it back as the same tree.
        var misread = corpus.Where(e => TypedExpressionGenerator.Parse(TypedExpressionGenerator.Written(e)) != e).Take(3).Select(TypedExpressionGenerator.Written).ToList();
        Assert.True(misread.Count == 0, "the parser reads these otherwise: " + string.Join("\n", misread));

        var rows = EdgeTable.Rows();
        await using var duckDb = await DuckDbExpressionEngine.OpenAsync(rows);
        await using var postgres = await PostgresExpressionEngine.OpenAsync(await server.CreateDatabaseAsync(), rows);
        var evaluator = new Evaluator(duckDb, postgres);

        await evaluator.EvaluateAsync(corpus);
        var failing = corpus.Where(e => evaluator.Differs(e)).ToList();
        output.WriteLine($"seed {seed}: {corpus.Count} expressions ({untyped} generated that the language refuses were left out) evaluated in {clock.Elapsed.TotalSeconds:F1} s (DuckDB {evaluator.DuckDbTime.Elapsed.TotalSeconds:F1} s, PostgreSQL {evaluator.PostgresTime.Elapsed.TotalSeconds:F1} s); {failing.Count} differ");

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
        const int PerGroup = 6;
        var sample = failing.GroupBy(TypedExpressionGenerator.NodeName)
            .SelectMany(g => g.OrderBy(TypedExpressionGenerator.Size).Take(PerGroup)).ToList();
        await evaluator.EvaluateAsync(sample.SelectMany(TypedExpressionGenerator.Subtrees).Distinct().Where(Types).ToList());

        var culprits = new List<Culprit>();
        foreach (var root in sample)
        {
            foreach (var node in TypedExpressionGenerator.Subtrees(root).Distinct().Where(n => Types(n) && TypedExpressionGenerator.Children(n).All(Types)))
            {
                var children = TypedExpressionGenerator.Children(node).Select(evaluator.Outcomes).ToList();
                var (duck, pg) = evaluator.Outcomes(node);
                var ownType = duck.Type != pg.Type && children.All(c => c.DuckDb.Type == c.Postgres.Type);
                var row = Enumerable.Range(0, EdgeTable.RowCount).FirstOrDefault(r =>
                    duck.Values[r] != pg.Values[r] && children.All(c => c.DuckDb.Values[r] == c.Postgres.Values[r]), -1);
                if (ownType || row >= 0) culprits.Add(new Culprit(node, root, ownType, row >= 0 ? row : null));
            }
        }

        return culprits;
    }

    /// <summary>Whether the language types <paramref name="expression"/> (a subexpression alone may not: a NULL, a literal whose type its context gives).</summary>
    private static bool Types(Expr expression) => ExpressionTypes.Type(expression).Problem is null;

    /// <summary>
    /// A subexpression that differs by itself: in its type (<paramref name="OwnType"/>), and in the value of
    /// <paramref name="Row"/> (the first row where it differs while its operands agree), if any.
    /// </summary>
    private sealed record Culprit(Expr Node, Expr Root, bool OwnType, int? Row);

    /// <summary>
    /// The differences, one class per operator or function, operand types and what differs (the type, or the kind of
    /// outcome in a row), grouped by operator or function; each with its smallest example: as written, both SQL
    /// spellings, the row's inputs and both outcomes.
    /// </summary>
    private static string Report(Evaluator evaluator, List<Culprit> culprits, int failing, int total, int seed)
    {
        var text = new StringBuilder();
        var classes = culprits.GroupBy(c => ClassOf(evaluator, c)).ToList();
        text.AppendLine($"{failing} of {total} expressions differ between DuckDB and PostgreSQL (seed {seed}); {classes.Count} difference class(es) in {culprits.Select(c => c.Root).Distinct().Count()} shrunk:");
        foreach (var byName in classes.GroupBy(g => TypedExpressionGenerator.NodeName(g.First().Node)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine($"# {byName.Key}");
            foreach (var group in byName.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var example = group.OrderBy(c => TypedExpressionGenerator.Size(c.Node)).ThenBy(c => TypedExpressionGenerator.Written(c.Node).Length).First();
                var (duck, pg) = evaluator.Outcomes(example.Node);
                text.AppendLine($"## {group.Key}  (in {group.Select(c => c.Root).Distinct().Count()} shrunk expression(s))");
                text.AppendLine($"   written:    {TypedExpressionGenerator.Written(example.Node)}");
                text.AppendLine($"   DuckDB:     {Render(example.Node, SqlDialect.DuckDb)}");
                text.AppendLine($"   PostgreSQL: {Render(example.Node, SqlDialect.Postgres)}");
                text.AppendLine($"   types:      DuckDB {duck.Type}, PostgreSQL {pg.Type}");
                if (example.Row is { } row)
                {
                    text.AppendLine($"   row {row}:     {Inputs(example.Node, row)}");
                    text.AppendLine($"   results:    DuckDB {duck.Values[row]}, PostgreSQL {pg.Values[row]}");
                }

                if (example.Root != example.Node)
                    text.AppendLine($"   inside:     {TypedExpressionGenerator.Written(example.Root)}");
            }
        }

        return text.ToString();
    }

    /// <summary>"name(operand types): what differs" — the key a difference is grouped under (decimals by kind, not by precision).</summary>
    private static string ClassOf(Evaluator evaluator, Culprit culprit)
    {
        var operands = string.Join(", ", TypedExpressionGenerator.Children(culprit.Node).Select(c => Coarse(evaluator.Outcomes(c).DuckDb.Type)));
        var name = culprit.Node is LiteralExpr literal ? $"literal {literal.Kind}" : TypedExpressionGenerator.NodeName(culprit.Node);
        var (duck, pg) = evaluator.Outcomes(culprit.Node);
        var what = culprit.OwnType
            ? $"type {Coarse(duck.Type)} vs {Coarse(pg.Type)}"
            : $"{Kind(duck.Values[culprit.Row!.Value])} vs {Kind(pg.Values[culprit.Row.Value])}";
        return $"{name}({operands}): {what}";
    }

    private static string Coarse(string type) => type.StartsWith("DECIMAL(", StringComparison.Ordinal) ? "DECIMAL(p,s)" : type;

    /// <summary>An outcome's kind for grouping: an error by its class, a value as "value".</summary>
    private static string Kind(string outcome) => outcome.StartsWith("error:", StringComparison.Ordinal) ? outcome : "value";

    private static string Inputs(Expr expression, int row)
    {
        var inputs = string.Join(", ", Expr.ColumnsOf(expression).Select(c => c.Name).Distinct()
            .Select(name => $"{name}={Show(EdgeTable.Value(EdgeTable.Column(name), row))}"));
        return inputs.Length == 0 ? "(no column)" : inputs;
    }

    private static string Show(string? value) => value is null ? "NULL" : "'" + value.Replace("\t", "\\t") + "'";

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    private sealed class Clock
    {
        public TimeSpan Elapsed { get; set; }
    }

    /// <summary>Renders and evaluates expressions on both engines in batches, and keeps every outcome by expression.</summary>
    private sealed class Evaluator(IExpressionEngine duckDb, IExpressionEngine postgres)
    {
        private readonly Dictionary<Expr, (Outcome DuckDb, Outcome Postgres)> outcomes = new();

        /// <summary>The time each engine spent evaluating (they run side by side).</summary>
        public readonly Clock DuckDbTime = new(), PostgresTime = new();

        private static async Task<Outcome[]> Timed(Task<Outcome[]> evaluation, Clock clock)
        {
            var time = Stopwatch.StartNew();
            try
            {
                return await evaluation;
            }
            finally
            {
                clock.Elapsed += time.Elapsed;
            }
        }

        public (Outcome DuckDb, Outcome Postgres) Outcomes(Expr expression) => outcomes[expression];

        public bool Differs(Expr expression) => outcomes[expression] is var (d, p) && (d.Type != p.Type || !d.Values.SequenceEqual(p.Values));

        public async Task EvaluateAsync(IReadOnlyList<Expr> expressions)
        {
            var pending = expressions.Where(e => !outcomes.ContainsKey(e)).Distinct().ToList();
            var batches = pending.Chunk(BatchSize).ToList();
            if (batches.Count == 0) return;
            // PostgreSQL evaluates a batch in one call; DuckDB follows it a batch behind, told where PostgreSQL failed.
            var next = Timed(postgres.EvaluateAsync(batches[0].Select(e => Render(e, postgres.Dialect)).ToList()), PostgresTime);
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                var pg = await next;
                if (b + 1 < batches.Count)
                    next = Timed(postgres.EvaluateAsync(batches[b + 1].Select(e => Render(e, postgres.Dialect)).ToList()), PostgresTime);
                // (Not where it does not bind: then no row says anything of DuckDB's.)
                var suspect = pg.Select(o => o.Values.Select(v => !o.Type.StartsWith("error:", StringComparison.Ordinal) && v.StartsWith("error:", StringComparison.Ordinal)).ToArray()).ToList();
                var duck = await Timed(duckDb.EvaluateAsync(batch.Select(e => Render(e, duckDb.Dialect)).ToList(), suspect), DuckDbTime);
                for (var i = 0; i < batch.Length; i++) outcomes[batch[i]] = (duck[i], pg[i]);
            }
        }
    }
}
