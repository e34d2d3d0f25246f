using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Tests;

/// <summary>
/// Half-typed and malformed code, as an IDE feeds the generator while the user types. The generator must never
/// throw (a crash surfaces only as CS8785 and silently drops all output) and must not report WH0099.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Inputs => new()
    {
        "using Warehouse.Model; [Source(] public record A { }",
        "using Warehouse.Model; [Tag(] [Tag] [SqlModel(\"SELECT 1\")] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Source(null!)] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Staging(typeof(Missing))] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Staging] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Dimension(typeof(A))] public record A { [SurrogateKey] public long K { get; init; } }",
        "using Warehouse.Model; [Fact(typeof(int))] [Grain(null!, null!)] public record A { [References(null!)] public long K { get; init; } }",
        "using Warehouse.Model; [SqlModel($\"SELECT {nameof(Nothing)}\")] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [SqlModel(\"\")] public record A { public long Id { get; init; } public long this[int i] => i; }",
        "using Warehouse.Model; [Analysis($\"SELECT * FROM {nameof(A)}\")] public record A;",
        "using Warehouse.Model; [Source(\"landing/a/\")] public record A { [Derived(\"\")] public long Id { get; init; } [Default(\"'\")] public string? B { get; init; } }",
        "using Warehouse.Model; [Source(\"landing/a/\")] [Source(\"landing/b/\")] public partial record A { public long Id { get; init; } } public partial record A { public long Id2 { get; init; } }",
        "using Warehouse.Model; [Staging(typeof(S), Key = \"\")] [Rule(null!, null!, null!)] public record A { public long Id { get; init; } } [Source(\"x/\")] public record S { public long Id { get; init; } }",
        "using Warehouse.Model; [Dimension(typeof(S), DateColumn = \"Nope\")] [Hierarchy(\"h\", null!)] public record D { [SurrogateKey][BusinessKey] public long Id { get; init; } } [Staging(typeof(S))] public record S;",
        "using Warehouse.Model; public record A { [Unique, Range(1, 0), AcceptedValues(null!), Relationship(null!, null!)] public long Id { get; init; } }",
        "using Warehouse.Model; [assembly: DistributionDefaults(AllBelowRows = -1)] [Distribution((DistributionStyle)9)] [SortKey(null!, \"\")] [Fact(typeof(A))] public record A { public long Id { get; init; } }",
        "using Warehouse.Model; [Fact] public record A { [References( public long K { get; init; } }",
        "using Warehouse.Model; [Fact()] [Grain(] public record A { [References(typeof(.X))] public long K { get; init; } }",
        "using Warehouse.Model; [Dimension(typeof())] public record A { [SurrogateKey(] [BusinessKey] public long K { get; init; } }",
        "using Warehouse.Model; [Staging(typeof(Nope), Key = )] [Rule(\"r\", ] public record A { [Derived(] [MaxLength(] [Precision(1,] public long K { get; init; } }",
        "using Warehouse.Model; [SqlModel($\"SELECT {nameof(A)}\")] [Table(\"gold\")] public record A<T> { public long K { get; init; } }",
        "using Warehouse.Model; [Source(\"x/\")] [Staging(typeof(A))] [Dimension(typeof(A))] public record A { [Derived(\"((((\")] public long K { get; init; } }",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_generator_never_throws(string source)
    {
        var (generator, _, result) = GeneratorHarness.Run(source);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(generator, d => d.Id is "CS8785" or "WH0099");
        Assert.All(generator, d => Assert.Equal("Model0.cs", d.Location.GetLineSpan().Path));
    }

    /// <summary>
    /// What an IDE sees while a model is typed: an attribute whose arguments do not compile yet. The C# compiler
    /// reports the syntax; WH0040 at the same attribute says what the warehouse does with it, and nothing else of
    /// the model is reported because of it.
    /// </summary>
    public static TheoryData<string, string> NotBinding => new()
    {
        { "[Fact] on 'FactTyping'", """
            /*!*/[Fact]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactTyping { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "[Fact] on 'FactTyping'", """
            /*!*/[Fact()]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactTyping { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "typeof() names no type", """
            /*!*/[Fact(typeof())]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactTyping { [DegenerateKey] public long OrderId { get; init; } }
            """ },
        { "[References] on 'CustomerKey' of 'FactTyping'", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactTyping
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[References( public long CustomerKey { get; init; }
            }
            """ },
        { "[References] on 'CustomerKey' of 'FactTyping'", """
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactTyping
            {
                [DegenerateKey] public long OrderId { get; init; }
                /*!*/[References(typeof(.X))] public long CustomerKey { get; init; }
            }
            """ },
        { "[Dimension] on 'DimTyping'", """
            /*!*/[Dimension()]
            public sealed record DimTyping { [SurrogateKey] public long TypingKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
            [Fact(typeof(StgOrders))]
            [Grain("one row per order", nameof(OrderId))]
            public sealed record FactOnTyping { [DegenerateKey] public long OrderId { get; init; } [References(typeof(DimTyping))] public long CustomerKey { get; init; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(NotBinding))]
    public void An_attribute_that_does_not_compile_is_one_warehouse_error_at_its_line(string message, string snippet)
    {
        var source = "using System;\nusing Warehouse.Model;\nnamespace Shop;\n" + snippet;
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));

        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator);
        Assert.Equal("WH0040", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotEmpty(compiler); // the C# error that WH0040 stands beside
        Assert.DoesNotContain(compiler, d => d.Location.GetLineSpan().Path != "Model1.cs");
    }

    /// <summary>
    /// A name that does not resolve is the C# compiler's error (CS0246) alone: in a typeof, or in a half-typed
    /// attribute of the record referenced (which then is no model yet, but is no error of the records naming it).
    /// </summary>
    [Theory]
    [InlineData("""
        [Fact(typeof(StgOrdrs))]
        [Grain("one row per order", nameof(OrderId))]
        public sealed record FactTyping { [DegenerateKey] public long OrderId { get; init; } }
        """)]
    [InlineData("""
        [Dimnsion(typeof(StgCustomers))]
        public sealed record DimTyping { [SurrogateKey] public long TypingKey { get; init; } [BusinessKey] public long CustomerId { get; init; } }
        [Fact(typeof(StgOrders))]
        [Grain("one row per order", nameof(OrderId))]
        public sealed record FactOnTyping { [DegenerateKey] public long OrderId { get; init; } [References(typeof(DimTyping))] public long CustomerKey { get; init; } }
        [SqlModel($"SELECT * FROM {nameof(DimTyping)}")]
        public sealed record MartOnTyping { public long Id { get; init; } }
        """)]
    public void A_name_that_does_not_resolve_is_only_the_compilers_error(string snippet)
    {
        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, "using System;\nusing Warehouse.Model;\nnamespace Shop;\n" + snippet);

        Assert.Empty(generator);
        Assert.Contains(compiler, d => d.Id == "CS0246");
    }

    /// <summary>
    /// While a file does not parse, its records' columns are what the C# compiler recovered: a record in another
    /// file that reads a column the half-typed one lost is not reported; its file's C# error comes first.
    /// </summary>
    [Fact]
    public void A_file_being_typed_causes_no_warehouse_error_in_another_file()
    {
        const string typing = """
            using Warehouse.Model;
            namespace Shop;
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgHalf { public long CustomerId { get; init; } public required string Nam
            """;
        const string reading = """
            using Warehouse.Model;
            namespace Shop;
            [Dimension(typeof(StgHalf))]
            public sealed record DimHalf
            {
                [SurrogateKey] public long HalfKey { get; init; }
                [BusinessKey] public long CustomerId { get; init; }
                public required string Name { get; init; }
            }
            """;

        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, typing, reading);

        Assert.Contains(compiler, d => d.Location.GetLineSpan().Path == "Model1.cs");
        Assert.DoesNotContain(generator, d => d.Location.GetLineSpan().Path == "Model2.cs");
    }

    /// <summary>WarehouseModel exists whatever the model's errors, so the user's code that names it shows only the model's errors.</summary>
    [Fact]
    public void Code_using_WarehouseModel_compiles_while_the_model_has_an_error()
    {
        const string program = """
            namespace Shop;
            public static class Program
            {
                public static string[] Names() => new[] { Warehouse.Generated.WarehouseModel.Project, Warehouse.Generated.WarehouseModel.Nodes.Gold.FactOrders };
            }
            """;
        const string broken = """
            using Warehouse.Model;
            namespace Shop;
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgBroken { public long CustomerId { get; init; } [Derived("initcap(name")] public required string Name { get; init; } }
            """;

        var (generator, compiler, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, broken, program);

        Assert.Contains(generator, d => d.Id == "WH0010");
        Assert.Empty(compiler);
    }

    /// <summary>Tables whose names C# cannot spell as they are get a safe member name; the generated code compiles.</summary>
    [Theory]
    [InlineData("[Table(\"gold\")]", "GoldTable")]
    [InlineData("[Table(\"x\", Schema = \"nodes\")]", "NodesSchema")]
    public void Generated_names_that_C_sharp_refuses_are_mapped(string table, string expected)
    {
        var source = "using Warehouse.Model;\nnamespace Shop;\n" + table + "\n[SqlModel(\"SELECT 1 AS id\")]\npublic sealed record MartNamed { public long Id { get; init; } }";

        var (generator, compiler, result) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        Assert.Empty(generator);
        Assert.Empty(compiler);
        var model = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Warehouse.Model.g.cs").SourceText.ToString();
        Assert.Contains(" " + expected, model, StringComparison.Ordinal);
    }

    /// <summary>Arguments that compile but make no sense (null, empty) reach the parser, which names them at their line.</summary>
    public static TheoryData<string, string> BindingButWrong => new()
    {
        { "WH0021", """
            /*!*/[Tag(null!)]
            [SqlModel("SELECT 1 AS id")]
            public sealed record MartNullTag { public long Id { get; init; } }
            """ },
        { "WH0025", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[Distribution(null!)]
            public sealed record StgNullDistribution { public long OrderId { get; init; } }
            """ },
        { "WH0026", """
            [Staging(typeof(RawOrders), Key = nameof(OrderId))]
            /*!*/[SortKey(null!)]
            public sealed record StgNullSortKey { public long OrderId { get; init; } }
            """ },
        { "WH0019", """
            /*!*/[Source(null!)]
            public sealed record RawNull { public long Id { get; init; } }
            """ },
        { "WH0019", """
            /*!*/[Source("landing/null/", FilePattern = null!)]
            public sealed record RawNullPattern { public long Id { get; init; } }
            """ },
        { "WH0010", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            /*!*/[Rule(null!, null!, null!)]
            public sealed record StgNullRule { public long CustomerId { get; init; } }
            """ },
        { "WH0010", """
            [Staging(typeof(RawCustomers), Key = nameof(CustomerId))]
            public sealed record StgNullDerived
            {
                public long CustomerId { get; init; }
                /*!*/[Derived(null!)] public required string Name { get; init; }
            }
            """ },
        { "WH0011", """
            /*!*/[Staging(typeof(RawCustomers), Key = "")]
            public sealed record StgEmptyKey { public long CustomerId { get; init; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(BindingButWrong))]
    public void Arguments_that_bind_but_are_wrong_are_reported_at_their_line(string id, string snippet)
    {
        var source = "using System;\nusing Warehouse.Model;\nnamespace Shop;\n" + snippet;
        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal));

        var (generator, _, _) = GeneratorHarness.Run(GeneratorHarness.ValidModel, source);

        var diagnostic = Assert.Single(generator, d => d.Id == id);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(generator, d => d.Id == "WH0099");
    }
}
