using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Warehouse.Generators.Dialects;
using Warehouse.Generators.Emitters;
using Warehouse.Generators.Emitters.Dbt;
using Warehouse.Generators.Emitters.Escaping;
using Warehouse.Generators.Output;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Generators.Tests.Escaping;

/// <summary>Each escaping function on hostile text: the text comes back exactly and nothing in it escapes its context.</summary>
public sealed class EscapingTests
{
    /// <summary>Text written to leave a SQL literal or comment, or to become Jinja or a runner variable.</summary>
    public static readonly string[] Hostile =
    [
        "plain",
        "",
        "it's",
        "x\\'; DROP TABLE t; --",
        "x\\\\'; DROP TABLE t; --",
        "trailing backslash\\",
        "'; DROP TABLE t; --",
        "Orders.\rDROP TABLE t; --",
        "Orders.\nDROP TABLE t; --",
        "Orders.\r\nDROP TABLE t; --",
        "Orders.\u2028DROP TABLE t; --",
        "Orders.\u2029DROP TABLE t; --",
        "Orders.\u0085DROP TABLE t; --",
        "Orders.\vDROP\fTABLE t; --",
        "nul\0byte and \u0001\u001f\u007f\u009b controls",
        "{{lake_root}} and {{ batch_at }}",
        "{{{x}}} and {{{{y}}}}",
        "{% raw %}{{ x }}{% endraw %}",
        "{% endraw %}{{ 7*7 }}",
        "{# comment #}",
        "ends with {",
        "{",
        "{{",
        "{{lbrace}}",
        "$$ dollar $$ $tag$ x $tag$",
        "*/ block /* comment",
        "E'escape' and e'x'",
        "emoji 😀 and lone \ud83d surrogate and \ude00 low",
        "bom \ufeff and \ufffe \uffff",
        "${AWS::StackName} and ${!x}",
        "tab\tend   ",
    ];

    public static TheoryData<string> HostileTexts() => new(Hostile);

    public static TheoryData<string, string> HostileTextsPerDialect()
    {
        var data = new TheoryData<string, string>();
        foreach (var dialect in SqlDialect.All)
            foreach (var text in Hostile) data.Add(dialect.Name, text);
        return data;
    }

    private static SqlDialect Dialect(string name) => SqlDialect.All.Single(d => d.Name == name);

    [Theory]
    [MemberData(nameof(HostileTextsPerDialect))]
    public void A_literal_is_one_value_equal_to_the_text_in_every_dialect(string dialect, string text)
    {
        var literal = Dialect(dialect).Literal(text);

        Assert.Equal(UnicodeText.WellFormed(text), DialectLexer.LiteralValue(dialect, literal));
        Assert.Equal(1, DialectLexer.CountStatements(dialect, $"SELECT {literal} AS x; --"));
        Assert.Equal(["SELECT " + literal + " AS x", "SELECT 2"], DialectLexer.Statements(dialect, $"SELECT {literal} AS x;\nSELECT 2;"));
        Assert.Empty(JinjaTags.Find(literal));
        Assert.DoesNotContain("{{", literal, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslashes_are_escapes_on_Redshift_and_in_PostgreSQL_escape_strings_only()
    {
        Assert.Equal("'x\\\\''; DROP TABLE t; --'", SqlDialect.Redshift.Literal("x\\'; DROP TABLE t; --"));
        Assert.Equal("E'x\\\\''; DROP TABLE t; --'", SqlDialect.Postgres.Literal("x\\'; DROP TABLE t; --"));
        Assert.Equal("'x\\''; DROP TABLE t; --'", SqlDialect.DuckDb.Literal("x\\'; DROP TABLE t; --"));
        Assert.Equal("'it''s'", SqlDialect.Postgres.Literal("it's"));
        Assert.Equal("('a{' || '{b')", SqlDialect.DuckDb.Literal("a{{b"));
        Assert.Equal("('a' || CHR(0) || 'b')", SqlDialect.DuckDb.Literal("a\0b"));
    }

    [Theory]
    [MemberData(nameof(HostileTextsPerDialect))]
    public void A_comment_holds_every_line_of_the_text_and_no_statement(string dialect, string text)
    {
        var comment = SqlComment.Lines(text);

        Assert.Equal(0, DialectLexer.CountStatements(dialect, comment));
        // The comment stays with the statement after it; its text is all comment.
        Assert.EndsWith("\nSELECT 1", Assert.Single(DialectLexer.Statements(dialect, comment + "SELECT 1;")), StringComparison.Ordinal);
        var lines = comment.Split('\n')[..^1];
        Assert.All(lines, line => Assert.StartsWith("--", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(line, c => DialectLexer.IsLineBreak(c) || (char.IsControl(c) && c != '\t')));
        // Every character that is not a line break or a control character is kept, in order.
        var kept = string.Concat(lines.Select(l => l.Length > 3 ? l[3..] : string.Empty));
        var expected = new string(UnicodeText.WellFormed(text).Where(c => !char.IsControl(c) && !DialectLexer.IsLineBreak(c) && !char.IsWhiteSpace(c) && c != UnicodeText.Replacement).ToArray());
        Assert.Equal(expected, new string(kept.Where(c => !char.IsWhiteSpace(c) && c != UnicodeText.Replacement).ToArray()));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Runner_text_holds_no_placeholder_but_the_brace_and_reads_back_exactly(string text)
    {
        var escaped = RunnerText.Escape(text);

        // The runner's one-pass substitution, as docs/manifest.md specifies it (the runner's own is tested in Warehouse.Deploy.Tests).
        var placeholders = System.Text.RegularExpressions.Regex.Matches(escaped, @"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}");
        Assert.All(placeholders, m => Assert.Equal(RunnerText.Brace, m.Value));
        Assert.Equal(text, escaped.Replace(RunnerText.Brace, "{", StringComparison.Ordinal));
        Assert.False(escaped.Replace(RunnerText.Brace, string.Empty, StringComparison.Ordinal).Contains("{{", StringComparison.Ordinal));
        Assert.False(escaped.EndsWith('{'));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Jinja_text_holds_no_tag_but_the_brace_and_renders_back_exactly(string text)
    {
        var escaped = JinjaText.Escape(text);

        Assert.All(JinjaTags.Find(escaped), tag => Assert.Contains(tag, new[] { JinjaText.Brace, JinjaText.CarriageReturn }));
        Assert.Equal(text, escaped.Replace(JinjaText.Brace, "{", StringComparison.Ordinal).Replace(JinjaText.CarriageReturn, "\r", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', escaped);
        // A tag the compiler writes right after the text is still a tag of its own.
        Assert.Equal("{{ ref('x') }}", JinjaTags.Find(escaped + "{{ ref('x') }}").Last());
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Yaml_reads_back_the_text_and_holds_no_raw_line_break_or_control(string text)
    {
        var scalar = YamlScalar.Quote(text);
        var yaml = new YamlStream();
        yaml.Load(new StringReader("key: " + scalar + "\n"));
        var value = ((YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("key")]).Value;

        Assert.Equal(UnicodeText.WellFormed(text), value);
        Assert.DoesNotContain(scalar, c => DialectLexer.IsLineBreak(c) || char.IsControl(c) || c is '\ufffe' or '\uffff');
        Strict.GetBytes(scalar);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Json_reads_back_the_text_and_is_valid_utf8(string text)
    {
        var json = JsonWriter.Quote(text);

        Assert.Equal(UnicodeText.WellFormed(text), JsonSerializer.Deserialize<string>(json));
        Assert.Equal(json, Strict.GetString(Strict.GetBytes(json)));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_csharp_literal_compiles_to_the_text(string text)
    {
        var source = $"static class C {{ public const string S = {SourceWriter.Literal(text)}; }}";
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Escaping", [tree], GeneratorHarness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single();

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(text, compilation.GetSemanticModel(tree).GetConstantValue(declarator.Initializer!.Value).Value);
        Assert.DoesNotContain('\n', source);
        Strict.GetBytes(source);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_glue_comment_is_one_line_within_the_limit_and_valid_utf8(string text)
    {
        var comment = CloudFormationText.SingleLine(text + text + text, 20);

        Assert.True(comment.Length <= 20);
        Assert.DoesNotContain(comment, c => (char.IsControl(c) && c != '\t') || DialectLexer.IsLineBreak(c));
        Strict.GetBytes(comment);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var emoji = new string('a', 253) + "😀😀";

        var cut = UnicodeText.Truncate(emoji, 255);

        Assert.Equal(new string('a', 253) + "…", cut);
        Assert.Equal(new string('a', 252) + "😀…", UnicodeText.Truncate(new string('a', 252) + "😀😀", 255));
        Strict.GetBytes(cut);
        Assert.Equal("short", UnicodeText.Truncate("short", 255));
    }

    [Fact]
    public void A_glue_comment_cut_in_an_emoji_is_written_as_valid_utf8()
    {
        var description = new string('a', 253) + "😀😀 and more\rDROP TABLE t; --";
        var model = GeneratorHarness.ValidModel.Replace(
            "    public long CustomerId { get; init; }\n    public required string Name",
            $"    [Description({SourceWriter.Literal(description)})] public long CustomerId {{ get; init; }}\n    public required string Name",
            StringComparison.Ordinal);
        Assert.NotEqual(GeneratorHarness.ValidModel, model);

        var template = GeneratedArtifacts.Of(model).Single(a => a.Key.StartsWith("cloudformation/", StringComparison.Ordinal)).Value;

        Strict.GetBytes(template);
        using var json = JsonDocument.Parse(template);
        var comments = json.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::Glue::Table")
            .SelectMany(r => r.Value.GetProperty("Properties").GetProperty("TableInput").GetProperty("StorageDescriptor").GetProperty("Columns").EnumerateArray())
            .Where(c => c.TryGetProperty("Comment", out _))
            .Select(c => c.GetProperty("Comment").GetString()!)
            .ToList();
        Assert.Equal([new string('a', 253) + "…"], comments);
    }

    [Fact]
    public void Sub_literals_escape_variables()
    {
        Assert.Equal("landing/${!AWS::StackName}/", CloudFormationText.SubLiteral("landing/${AWS::StackName}/"));
    }

    [Fact]
    public void Jinja_string_literals_escape_quotes_backslashes_and_line_breaks()
    {
        Assert.Equal("'it\\'s \\\\ \\n'", JinjaText.StringLiteral("it's \\ \n"));
    }

    private static readonly UTF8Encoding Strict = new(false, true);
}
