using Warehouse.Generators.Expressions;
using Warehouse.Generators.Model;
using Warehouse.Generators.Parsing;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

public sealed class LineageTests
{
    private static readonly NodeSpec Upstream = Node(NodeKind.Source, "raw_customers", Column("customer_id"), Column("first_name", type: SqlTypeKind.Varchar));

    private static readonly ParsedNode Staging = Parsed(Node(NodeKind.Staging, "stg_customers"));

    [Fact]
    public void A_column_is_copied_from_the_upstream_column_of_its_name_or_property_name()
    {
        var sink = new DiagnosticSink();

        var byName = Lineage.Resolve(Staging, Column("customer_id") with { PropertyName = "Id" }, Upstream, sink);
        var byProperty = Lineage.Resolve(Staging, Column("given_name") with { PropertyName = "FirstName" }, Upstream, sink);

        Assert.Equal("customer_id", byName.UpstreamColumn);
        Assert.Equal("first_name", byProperty.UpstreamColumn);
        Assert.Empty(sink.Diagnostics);
    }

    [Fact]
    public void A_column_missing_upstream_is_WH0015()
    {
        var sink = new DiagnosticSink();

        var column = Lineage.Resolve(Staging, Column("segment"), Upstream, sink);

        Assert.Null(column.UpstreamColumn);
        Assert.Equal(["WH0015"], Ids(sink));
    }

    [Fact]
    public void A_derived_column_binds_its_expression_and_names_each_unknown_column()
    {
        var sink = new DiagnosticSink();
        var derived = ExpressionParser.Parse("initcap(FirstName) || nickname").Expression!;

        var column = Lineage.Resolve(Staging, Column("display_name", type: SqlTypeKind.Varchar) with { Derived = derived }, Upstream, sink);

        Assert.Null(column.UpstreamColumn);
        var concat = Assert.IsType<BinaryExpr>(column.Derived);
        // Bound to the upstream column's name and type.
        var firstName = Lineage.FindColumn(Upstream, "first_name")!;
        Assert.Equal(new ColumnExpr("first_name", firstName.Type), Assert.IsType<FunctionExpr>(concat.Left).Arguments[0]);
        var unknown = Assert.Single(sink.Diagnostics);
        Assert.Equal("WH0011", unknown.Descriptor.Id);
        Assert.Equal("nickname", unknown.Arguments[1]);
    }

    [Theory]
    [InlineData("first_name + 1", "BigInt", "WH0060")]
    [InlineData("first_name", "BigInt", "WH0061")]
    [InlineData("customer_id / 2", "BigInt", "WH0061")]
    [InlineData("div(customer_id, 2)", "BigInt", null)]
    [InlineData("first_name || customer_id", "Varchar", null)]
    public void A_bound_expression_is_typed_against_its_column(string text, string target, string? expected)
    {
        var sink = new DiagnosticSink();

        Lineage.Bind(ExpressionParser.Parse(text).Expression!, Upstream, ExpressionUse.Value(new SqlType(Enum.Parse<SqlTypeKind>(target))), null, "[Derived] on 'Value'", sink);

        Assert.Equal(expected is null ? [] : [expected], Ids(sink));
    }

    [Theory]
    [InlineData("customer_id * 2", "WH0062")]
    [InlineData("customer_id * 2 > 0", null)]
    [InlineData("first_name > 0", "WH0060")]
    public void A_rule_is_typed_as_a_condition(string text, string? expected)
    {
        var sink = new DiagnosticSink();

        Lineage.Bind(ExpressionParser.Parse(text).Expression!, Upstream, ExpressionUse.Condition, null, "Rule 'checked'", sink);

        Assert.Equal(expected is null ? [] : [expected], Ids(sink));
    }
}
