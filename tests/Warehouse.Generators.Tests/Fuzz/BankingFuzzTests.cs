using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Emitters.Sql;
using Warehouse.Generators.Model.Codec;
using Warehouse.Generators.Output;
using Warehouse.Generators.Tests.Escaping;
using Warehouse.Testing;
using Xunit.Abstractions;

namespace Warehouse.Generators.Tests.Fuzz;

/// <summary>
/// A seeded mutation fuzz of the Banking model (docs/contributing.md, "The fuzz test"): each mutant changes one of
/// its model files (<see cref="Mutations"/>) and runs the generator in-process. It asserts that the generator never
/// throws and never reports WH0099, that every WH error points into the model's source, and — for a mutant that
/// compiles — that every artifact renders as valid UTF-8, that no SQL file of any dialect holds a statement the
/// compiler's templates did not write (statements counted by <see cref="DialectLexer"/>, compared with the twin that
/// has harmless text in the same place), that no runner variable and no dbt Jinja tag comes from the model's text.
/// <c>WAREHOUSE_FUZZ_MUTANTS</c> and <c>WAREHOUSE_FUZZ_SEED</c> set the count (default 2,000) and the seed.
/// </summary>
public sealed class BankingFuzzTests(ITestOutputHelper output)
{
    private const int DefaultMutants = 2000;
    private const int DefaultSeed = 14;

    private static readonly string[] ModelFiles = ["Bronze/Sources.cs", "Silver/Staging.cs", "Gold/Dimensions.cs", "Gold/Facts.cs", "Gold/Queries.cs"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// Only the assemblies the model uses: with every platform assembly referenced (as <see cref="GeneratorHarness"/>
    /// does), binding each mutant's compilation costs several times more.
    /// </summary>
    private static readonly MetadataReference[] References =
        new[] { "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Linq" }
            .Select(name => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).First(p => Path.GetFileNameWithoutExtension(p) == name))
            .Append(typeof(Warehouse.Model.SourceAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    /// <summary>The SDK's implicit usings, which the sample's project enables (Directory.Build.props).</summary>
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading.Tasks;";

    [Fact]
    public void Mutants_of_the_banking_model_never_break_the_compiler_or_leak_text_into_sql_or_jinja()
    {
        int count = Setting("WAREHOUSE_FUZZ_MUTANTS", DefaultMutants);
        int seed = Setting("WAREHOUSE_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var sources = ModelFiles.Select(f => File.ReadAllText(Path.Combine(Repository.Root, "samples", "Banking", f))).ToArray();
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: ModelFiles[i])).ToArray();
        var compilation = CSharpCompilation.Create("Banking", trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.cs")), References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var renders = new ConcurrentDictionary<string, NodeRender>(StringComparer.Ordinal);
        var runs = new ConcurrentDictionary<(int File, string Text), Lazy<RunResult>>();
        RunResult RunOnce(int file, string text) => runs.GetOrAdd((file, text), key => new Lazy<RunResult>(() =>
            Run(compilation.ReplaceSyntaxTree(trees[key.File], CSharpSyntaxTree.ParseText(key.Text, ParseOptions, path: ModelFiles[key.File])), renders, ModelFiles[key.File]))).Value;

        var baseline = Run(compilation, renders, null);
        Assert.True(baseline.Errors.Count == 0, string.Join("\n", baseline.Errors));
        Assert.Empty(baseline.Findings);

        // The mutants are drawn in order from the seed, then checked in parallel (a fresh generator driver per run:
        // the generator does the same work either way, and a fresh driver skips the cache comparisons).
        var mutants = Enumerable.Range(0, count).Select(_ =>
        {
            int file = random.Next(sources.Length);
            return (File: file, Mutant: Mutations.Mutate(sources[file], random));
        }).ToList();
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcomes = new (List<string> Findings, bool Clean, bool Compared, bool Errors)[count];
        Parallel.For(0, count, i =>
        {
            var (file, mutant) = mutants[i];
            var result = RunOnce(file, mutant.Text);
            string Where(string finding) => $"#{i} {mutant.Operator} in {ModelFiles[file]} ({mutant.Detail}): {finding}";
            var findings = result.Findings.Select(Where).ToList();
            bool compared = false;
            if (result.Nodes is not null && mutant.Twin is not null && RunOnce(file, mutant.Twin) is { Nodes: { } twin })
            {
                compared = true;
                findings.AddRange(CompareWithTwin(result.Nodes, twin).Select(Where));
            }

            // Every tenth clean mutant also renders the whole-model artifacts (manifest, setup, dbt project, CloudFormation).
            if (result.Nodes is not null && i % 10 == 0) findings.AddRange(WholeModelFindings(result.Specs!).Select(Where));

            outcomes[i] = (findings, result.Nodes is not null, compared, result.Errors.Count > 0);
        });

        var failures = outcomes.SelectMany(o => o.Findings).ToList();
        var perOperator = mutants.GroupBy(m => m.Mutant.Operator).ToDictionary(g => g.Key, g => g.Count());
        int clean = outcomes.Count(o => o.Clean), compared = outcomes.Count(o => o.Compared), withErrors = outcomes.Count(o => o.Errors);
        output.WriteLine($"seed {seed}: {count} mutants in {stopwatch.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of CPU); {clean} compiled clean, {compared} compared with their twin, {withErrors} with WH errors");
        output.WriteLine("per operator: " + string.Join(", ", perOperator.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine($"{runs.Count} distinct generator runs, {renders.Count} distinct node renders");
        Assert.True(failures.Count == 0, $"{failures.Count} findings:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(compared > count / 20, $"only {compared} mutants were compared with their twin: the harness checks too little");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>What one node renders to, with what the checks need, memoized by the node's spec text.</summary>
    private sealed record NodeRender(string Id, IReadOnlyDictionary<string, int> Statements, IReadOnlyDictionary<string, int> Tags, IReadOnlyList<string> Findings);

    private sealed record RunResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Findings, IReadOnlyList<NodeRender>? Nodes, IReadOnlyList<string>? Specs = null);

    private static IEnumerable<string> WholeModelFindings(IReadOnlyList<string> specs)
    {
        var rendered = WarehouseRenderer.Render("Banking", specs);
        foreach (var error in rendered.Errors) yield return $"render failed: {error}";
        foreach (var artifact in rendered.Artifacts.Where(a => !IsValidUtf8(a.Content))) yield return $"{artifact.Path} is not valid UTF-8";
    }

    private static bool IsValidUtf8(string text)
    {
        try
        {
            StrictUtf8.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the diagnostic points at a span of the file the mutant changed (the generator keeps locations as path
    /// and span, so they are external-file locations of the model's paths). A mutation elsewhere may rightly make a
    /// record of this file wrong (a reference to a record that is no longer a dimension), so the cross-record
    /// diagnostics are allowed in any model file; every other error must be in the mutated file.
    /// </summary>
    private static bool LocatedIn(Diagnostic diagnostic, string? mutatedFile)
    {
        var span = diagnostic.Location.GetLineSpan();
        if (diagnostic.Location.Kind == LocationKind.None || !span.IsValid || !ModelFiles.Contains(span.Path)) return false;
        return mutatedFile is null || span.Path == mutatedFile || CrossRecord.Contains(diagnostic.Id);
    }

    /// <summary>Diagnostics about one record's relation to another (WH0001 not a model, WH0011 unknown column, WH0015 no upstream column, ...).</summary>
    private static readonly HashSet<string> CrossRecord = ["WH0001", "WH0002", "WH0003", "WH0005", "WH0006", "WH0007", "WH0008", "WH0009", "WH0011", "WH0015", "WH0016", "WH0017"];

    private static RunResult Run(CSharpCompilation compilation, ConcurrentDictionary<string, NodeRender> renders, string? mutatedFile)
    {
        var findings = new List<string>();
        var run = CSharpGeneratorDriver.Create([new WarehouseGenerator().AsSourceGenerator()], parseOptions: ParseOptions).RunGenerators(compilation).GetRunResult();
        var diagnostics = run.Diagnostics;
        foreach (var result in run.Results)
        {
            if (result.Exception is { } exception) findings.Add($"robustness: the generator threw {exception.GetType().Name}: {exception.Message}");
        }

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "WH0099") findings.Add($"robustness: WH0099 {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            else if (diagnostic.Id.StartsWith("CS", StringComparison.Ordinal)) findings.Add($"robustness: the generator reported {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            else if (diagnostic.Severity == DiagnosticSeverity.Error && !LocatedIn(diagnostic, mutatedFile))
                findings.Add($"robustness: {diagnostic.Id} is not located in {mutatedFile}: {diagnostic}");
        }

        if (errors.Count > 0 || findings.Count > 0) return new RunResult(errors.Select(e => e.ToString()).ToList(), findings, null);

        var specs = Specs(run);
        if (specs.Count == 0) return new RunResult([], findings, null);
        var nodes = specs.Select(spec => renders.GetOrAdd(spec, Render)).ToList();
        findings.AddRange(nodes.SelectMany(n => n.Findings.Select(f => $"{n.Id}: {f}")));
        return new RunResult([], findings, findings.Count == 0 ? nodes : null, specs);
    }

    /// <summary>The <c>Spec</c> constants of the generated classes (read from the text: parsing every generated file again would cost more than the generator).</summary>
    private static List<string> Specs(GeneratorDriverRunResult run)
    {
        var specs = new List<string>();
        var declaration = $"public const string {CompiledModelNames.SpecField} = ";
        foreach (var source in run.Results.SelectMany(r => r.GeneratedSources))
        {
            var text = source.SourceText.ToString();
            int at = text.IndexOf(declaration, StringComparison.Ordinal);
            if (at < 0) continue;
            int start = at + declaration.Length;
            specs.Add(SpecCache.GetOrAdd(text.Substring(start, text.IndexOf(";\n", start, StringComparison.Ordinal) - start), Unquote));
        }

        return specs;
    }

    private static readonly ConcurrentDictionary<string, string> SpecCache = new(StringComparer.Ordinal);

    /// <summary>The value of a literal <see cref="SourceWriter.Literal"/> wrote.</summary>
    private static string Unquote(string literal) =>
        SyntaxFactory.ParseExpression(literal) is LiteralExpressionSyntax parsed ? parsed.Token.ValueText : throw new FormatException(literal);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The variables the compiler writes into runner scripts (docs/manifest.md).</summary>
    private static readonly HashSet<string> RunnerVariables = ["lake_root", "batch_at", "processed_files", "glue_database", "redshift_iam_role", RunnerText.BraceVariable];

    /// <summary>The CR expression as a YAML double-quoted scalar spells it in the file (its backslash escaped).</summary>
    private static readonly string YamlCarriageReturn = JsonWriter.Quote(JinjaText.CarriageReturn)[1..^1];

    /// <summary>The Jinja tags the dbt emitters write (any other tag in a dbt file came from the model's text).</summary>
    private static readonly Regex CompilerTag = new(
        @"^(\{\{ (ref\('[a-z0-9_]+'\)|source\('[a-z0-9_]+', '[a-z0-9_]+'\)|config\(.*\)|this|warehouse_batch_at\(\)|var\('lake_root'\)) \}\}|\{% (if is_incremental\(\)|endif|snapshot [a-z0-9_]+|endsnapshot) %\}|" + Regex.Escape(JinjaText.Brace) + "|" + Regex.Escape(JinjaText.CarriageReturn) + "|" + Regex.Escape(YamlCarriageReturn) + ")$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex Placeholder = new(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant);

    private static NodeRender Render(string spec)
    {
        var findings = new List<string>();
        var statements = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        var node = RenderedNode.Render(NodeSpecCodec.Decode(spec));
        if (node.Error is not null) return new NodeRender(node.Id, statements, tags, [$"render failed: {node.Error}"]);
        var files = node.Artifacts.Select(a => (a.Path, a.Content)).Append(("dbt/properties of " + node.Id, node.DbtProperties));
        foreach (var (path, content) in files)
        {
            if (!IsValidUtf8(content)) findings.Add($"{path} is not valid UTF-8");

            if (path.StartsWith("dbt/", StringComparison.Ordinal))
            {
                var found = JinjaTags.Find(content);
                foreach (var tag in found.Where(t => !CompilerTag.IsMatch(t))) findings.Add($"{path} holds a Jinja tag the compiler does not write: {tag}");
                tags[path] = found.Count(t => t != JinjaText.Brace && t != JinjaText.CarriageReturn && t != YamlCarriageReturn);
                continue;
            }

            var dialect = path[..path.IndexOf('/')];
            foreach (Match match in Placeholder.Matches(content))
            {
                if (!RunnerVariables.Contains(match.Groups[1].Value)) findings.Add($"{path} holds a runner variable the compiler does not write: {match.Value}");
            }

            statements[path] = DialectLexer.CountStatements(dialect, content);
            statements[path + " variables"] = Placeholder.Matches(content).Count(m => m.Value != RunnerText.Brace);
        }

        return new NodeRender(node.Id, statements, tags, findings);
    }

    /// <summary>The mutant's files against its twin's: the same statements and variables per SQL file, the same tags per dbt file.</summary>
    private static IEnumerable<string> CompareWithTwin(IReadOnlyList<NodeRender> mutant, IReadOnlyList<NodeRender> twin)
    {
        var expected = twin.SelectMany(n => n.Statements.Concat(n.Tags)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var (path, value) in mutant.SelectMany(n => n.Statements.Concat(n.Tags)))
        {
            if (expected.TryGetValue(path, out var count) && count != value)
                yield return $"{path}: {value} where the compiler's templates write {count} (statements, variables or Jinja tags)";
        }
    }
}
