using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

public sealed class ScdPolicyTests
{
    private static readonly ColumnSpec[] Columns =
    [
        Column("customer_key", ColumnRole.SurrogateKey),
        Column("customer_id", ColumnRole.BusinessKey),
        Column("segment", type: SqlTypeKind.Varchar),
        Column("city", type: SqlTypeKind.Varchar),
    ];

    private static NodeSpec Dimension(int scd, params ColumnSpec[] columns) =>
        Node(NodeKind.Dimension, "dim_customers", columns.Length == 0 ? Columns : columns) with { Scd = scd };

    [Fact]
    public void A_type_2_dimension_without_history_columns_keeps_history_on_every_attribute()
    {
        var dimension = Dimension(2);

        var columns = ScdPolicy.WithHistory(dimension, [.. dimension.Columns]);

        Assert.Equal(["segment", "city"], columns.Where(c => c.History).Select(c => c.Name));
    }

    [Fact]
    public void Declared_history_columns_are_kept_as_declared_and_type_1_keeps_none()
    {
        var declared = Dimension(2, Columns[0], Columns[1], Columns[2] with { History = true }, Columns[3]);

        Assert.Equal(["segment"], ScdPolicy.WithHistory(declared, [.. declared.Columns]).Where(c => c.History).Select(c => c.Name));
        Assert.DoesNotContain(ScdPolicy.WithHistory(Dimension(1), [.. Columns]), c => c.History);
    }

    [Fact]
    public void Tests_of_a_type_2_dimension_hold_among_current_known_members()
    {
        Assert.Equal("is_current", ScdPolicy.CurrentRows(Dimension(2)));
        Assert.Null(ScdPolicy.CurrentRows(Dimension(1)));
        Assert.Equal("customer_key <> -1", ScdPolicy.KnownMembers(Dimension(1)));
        Assert.Null(ScdPolicy.KnownMembers(Node(NodeKind.Fact, "fact_orders", Columns)));
    }

    [Fact]
    public void Only_a_dimension_is_type_2()
    {
        Assert.True(ScdPolicy.IsType2(Dimension(2)));
        Assert.False(ScdPolicy.IsType2(Node(NodeKind.Fact, "fact_orders") with { Scd = 2 }));
    }
}
