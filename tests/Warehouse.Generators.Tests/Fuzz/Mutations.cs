using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Warehouse.Generators.Output;
using Warehouse.Generators.Tests.Escaping;

namespace Warehouse.Generators.Tests.Fuzz;

/// <summary>
/// One mutation of a model file: its operator's name, the mutated text, and — when the operator put hostile text into a
/// string — the same edit with harmless text instead (<see cref="Twin"/>), which has the same structure: what the
/// compiler's templates emit for the twin is what they must emit for the mutant, statement for statement.
/// </summary>
internal sealed record Mutant(string Operator, string Text, string? Twin, string Detail);

/// <summary>
/// The mutation operators of the fuzz harness, each a function of a file's syntax and a seeded random source. They
/// model what a user does while typing (a deleted or inserted token, an argument half written, a record pasted twice)
/// and what an attacker writes into free text (SQL, Jinja, runner variables, line breaks, backslashes).
/// </summary>
internal static class Mutations
{
    public const string Benign = "benign text";

    private delegate Mutant? Operator(SyntaxNode root, string text, Random random);

    private static readonly (string Name, Operator Apply)[] Operators =
    [
        ("hostile-string", HostileString),
        ("hostile-append", HostileAppend),
        ("hostile-expression-literal", HostileExpressionLiteral),
        ("delete-token", DeleteToken),
        ("insert-token", InsertToken),
        ("delete-attribute", DeleteAttribute),
        ("duplicate-attribute", DuplicateAttribute),
        ("duplicate-record", DuplicateRecord),
        ("number", Number),
        ("nest-expression", NestExpression),
        ("retarget-typeof", RetargetTypeof),
        ("empty-argument-list", EmptyArgumentList),
    ];

    public static IReadOnlyList<string> Names { get; } = Operators.Select(o => o.Name).ToList();

    /// <summary>A mutant of <paramref name="text"/> by a random operator (retried when the operator finds no target).</summary>
    public static Mutant Mutate(string text, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        for (int attempt = 0; ; attempt++)
        {
            var (_, apply) = Operators[random.Next(Operators.Length)];
            if (apply(root, text, random) is { } mutant) return mutant;
            if (attempt > 100) throw new InvalidOperationException("no operator found a target");
        }
    }

    private static string Hostile(Random random) => EscapingTests.Hostile[random.Next(EscapingTests.Hostile.Length)]
        + (random.Next(3) == 0 ? EscapingTests.Hostile[random.Next(EscapingTests.Hostile.Length)] : string.Empty);

    private static List<LiteralExpressionSyntax> AttributeStrings(SyntaxNode root) =>
        root.DescendantNodes().OfType<AttributeArgumentSyntax>()
            .SelectMany(a => a.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .ToList();

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string Replace(string text, TextSpan span, string replacement) =>
        text[..span.Start] + replacement + text[span.End..];

    private static Mutant? HostileString(SyntaxNode root, string text, Random random)
    {
        var strings = AttributeStrings(root);
        if (strings.Count == 0) return null;
        var target = Pick(strings, random);
        var hostile = Hostile(random);
        return new Mutant("hostile-string", Replace(text, target.Span, SourceWriter.Literal(hostile)), Replace(text, target.Span, SourceWriter.Literal(Benign)),
            $"{target} → {SourceWriter.Literal(hostile)}");
    }

    private static Mutant? HostileAppend(SyntaxNode root, string text, Random random)
    {
        var strings = AttributeStrings(root);
        if (strings.Count == 0) return null;
        var target = Pick(strings, random);
        var value = target.Token.ValueText;
        var hostile = Hostile(random);
        return new Mutant("hostile-append", Replace(text, target.Span, SourceWriter.Literal(value + hostile)), Replace(text, target.Span, SourceWriter.Literal(value + " " + Benign)),
            $"{target} + {SourceWriter.Literal(hostile)}");
    }

    /// <summary>A string literal of the expression language ('...') inside [Derived], [Default] or [Rule], given hostile content.</summary>
    private static Mutant? HostileExpressionLiteral(SyntaxNode root, string text, Random random)
    {
        var candidates = AttributeStrings(root).Where(l => l.Token.ValueText.Contains('\'')).ToList();
        if (candidates.Count == 0) return null;
        var target = Pick(candidates, random);
        var value = target.Token.ValueText;
        int open = value.IndexOf('\'');
        int close = value.IndexOf('\'', open + 1);
        if (close < 0) return null;
        var hostile = Hostile(random).Replace("'", "''");
        string With(string content) => SourceWriter.Literal(value[..(open + 1)] + content + value[close..]);
        return new Mutant("hostile-expression-literal", Replace(text, target.Span, With(hostile)), Replace(text, target.Span, With(Benign)), $"{target}: '{hostile}'");
    }

    private static Mutant? DeleteToken(SyntaxNode root, string text, Random random)
    {
        var tokens = root.DescendantNodes().OfType<AttributeListSyntax>().SelectMany(a => a.DescendantTokens()).ToList();
        if (tokens.Count == 0) return null;
        var token = Pick(tokens, random);
        return new Mutant("delete-token", Replace(text, token.Span, string.Empty), null, $"deleted '{token}' at {token.SpanStart}");
    }

    private static readonly string[] Insertable = ["(", ")", ",", "\"", "[", "]", "typeof(", "nameof(", "=", "-", "0", "null", "default", "\"\"", "@", "$\"", "'"];

    private static Mutant? InsertToken(SyntaxNode root, string text, Random random)
    {
        var tokens = root.DescendantNodes().OfType<AttributeListSyntax>().SelectMany(a => a.DescendantTokens()).ToList();
        if (tokens.Count == 0) return null;
        var at = Pick(tokens, random).Span.End;
        var inserted = Pick(Insertable, random);
        return new Mutant("insert-token", text[..at] + inserted + text[at..], null, $"inserted '{inserted}' at {at}");
    }

    private static Mutant? DeleteAttribute(SyntaxNode root, string text, Random random)
    {
        var attributes = root.DescendantNodes().OfType<AttributeListSyntax>().ToList();
        if (attributes.Count == 0) return null;
        var target = Pick(attributes, random);
        return new Mutant("delete-attribute", Replace(text, target.Span, string.Empty), null, $"deleted {target}");
    }

    private static Mutant? DuplicateAttribute(SyntaxNode root, string text, Random random)
    {
        var attributes = root.DescendantNodes().OfType<AttributeListSyntax>().ToList();
        if (attributes.Count == 0) return null;
        var target = Pick(attributes, random);
        return new Mutant("duplicate-attribute", text[..target.Span.End] + " " + target + text[target.Span.End..], null, $"duplicated {target}");
    }

    /// <summary>A record pasted again: under its own name (CS0101 and the model's duplicate checks) or renamed.</summary>
    private static Mutant? DuplicateRecord(SyntaxNode root, string text, Random random)
    {
        var records = root.DescendantNodes().OfType<RecordDeclarationSyntax>().ToList();
        if (records.Count == 0) return null;
        var record = Pick(records, random);
        var copy = record.ToFullString();
        if (random.Next(2) == 0) copy = copy.Replace(" " + record.Identifier.ValueText, " " + record.Identifier.ValueText + "Copy", StringComparison.Ordinal);
        return new Mutant("duplicate-record", text[..record.FullSpan.End] + copy + text[record.FullSpan.End..], null, $"duplicated {record.Identifier}");
    }

    private static readonly string[] Numbers = ["-1", "0", "1", "100000000", "int.MaxValue", "-2147483648", "double.NaN", "double.PositiveInfinity", "1e308", "0.5"];

    private static Mutant? Number(SyntaxNode root, string text, Random random)
    {
        var numbers = root.DescendantNodes().OfType<AttributeArgumentSyntax>()
            .SelectMany(a => a.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression)).ToList();
        if (numbers.Count == 0) return null;
        var target = Pick(numbers, random);
        var value = Pick(Numbers, random);
        return new Mutant("number", Replace(text, target.Span, value), null, $"{target} → {value}");
    }

    /// <summary>An expression of [Derived], [Default] or [Rule] nested in parentheses or coalesce (a modest depth: the depth limit is tested on its own).</summary>
    private static Mutant? NestExpression(SyntaxNode root, string text, Random random)
    {
        var expressions = root.DescendantNodes().OfType<AttributeSyntax>()
            .Where(a => a.Name.ToString() is "Derived" or "Default" or "Rule")
            .SelectMany(a => a.ArgumentList?.Arguments.Select(x => x.Expression).OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Skip(a.Name.ToString() == "Rule" ? 1 : 0).Take(1) ?? [])
            .ToList();
        if (expressions.Count == 0) return null;
        var target = Pick(expressions, random);
        int depth = 1 + random.Next(40);
        var value = target.Token.ValueText;
        var nested = random.Next(2) == 0
            ? new string('(', depth) + value + new string(')', depth)
            : string.Concat(Enumerable.Repeat("coalesce(", depth)) + value + string.Concat(Enumerable.Repeat(", NULL)", depth));
        return new Mutant("nest-expression", Replace(text, target.Span, SourceWriter.Literal(nested)), null, $"{target} nested {depth} deep");
    }

    private static readonly string[] TypeofTargets = [".X", "X", "", "string", "int", "Missing.Type", "System.Object"];

    private static Mutant? RetargetTypeof(SyntaxNode root, string text, Random random)
    {
        var typeofs = root.DescendantNodes().OfType<TypeOfExpressionSyntax>().ToList();
        if (typeofs.Count == 0) return null;
        var target = Pick(typeofs, random);
        var records = root.DescendantNodes().OfType<RecordDeclarationSyntax>().Select(r => r.Identifier.ValueText).ToList();
        var to = random.Next(2) == 0 && records.Count > 0 ? Pick(records, random) : Pick(TypeofTargets, random);
        return new Mutant("retarget-typeof", Replace(text, target.Type.Span, to), null, $"{target} → typeof({to})");
    }

    private static Mutant? EmptyArgumentList(SyntaxNode root, string text, Random random)
    {
        var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
        if (attributes.Count == 0) return null;
        var target = Pick(attributes, random);
        var replacement = random.Next(2) == 0 ? target.Name + "()" : target.Name + "(";
        return new Mutant("empty-argument-list", Replace(text, target.Span, replacement), null, $"{target} → {replacement}");
    }
}
