using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;
using static Warehouse.Generators.Tests.Resolution.Specs;

namespace Warehouse.Generators.Tests.Resolution;

public sealed class TestDerivationTests
{
    private static readonly Func<ColumnSpec, ColumnTestSpec, RelationshipTarget?> NoRelationships = (_, _) => null;

    private static string[] Names(IEnumerable<TestSpec> tests) => tests.Select(t => t.Name).ToArray();

    [Fact]
    public void Non_nullable_columns_get_not_null_and_a_declared_not_null_sets_its_severity()
    {
        var staging = Node(NodeKind.Staging, "stg_orders", Column("order_id"), Column("note", nullable: true), Column("channel", nullable: true) with { DeclaredTests = new[] { Declared(TestKind.NotNull, warnOnly: true) }.ToEquatableArray() });

        var tests = TestDerivation.Derive(staging, NoRelationships);

        Assert.Equal(["not_null_stg_orders_channel", "not_null_stg_orders_order_id"], Names(tests));
        Assert.True(tests[0].WarnOnly);
        Assert.All(tests, t => Assert.Equal(TestKind.NotNull, t.Kind));
    }

    [Fact]
    public void A_type_2_dimension_s_keys_are_unique_among_current_known_members()
    {
        var dimension = Node(NodeKind.Dimension, "dim_customers", Column("customer_key", ColumnRole.SurrogateKey), Column("customer_id", ColumnRole.BusinessKey)) with { Scd = 2 };

        var tests = TestDerivation.Derive(dimension, NoRelationships).Where(t => t.Kind == TestKind.Unique).ToList();

        Assert.Equal(["unique_dim_customers_customer_id", "unique_dim_customers_customer_key"], Names(tests));
        Assert.Equal("is_current AND customer_key <> -1", tests[0].Where);
        Assert.Null(tests[1].Where);
    }

    [Fact]
    public void A_lookup_gets_a_relationship_and_a_warning_known_member_test_and_the_grain_is_unique()
    {
        var lookup = new DimensionLookup(new TableRef("gold", "dim_customers"), "customer_key", "customer_id", "customer_id", false, null);
        var fact = Node(NodeKind.Fact, "fact_orders", Column("order_id", ColumnRole.DegenerateKey), Column("customer_key", ColumnRole.Reference) with { Lookup = lookup })
            with { Grain = new GrainSpec("one row per order", new[] { "order_id" }.ToEquatableArray()) };

        var tests = TestDerivation.Derive(fact, NoRelationships).Where(t => t.Kind != TestKind.NotNull).ToList();

        Assert.Equal(["grain_unique_fact_orders", "known_member_fact_orders_customer_key", "relationships_fact_orders_customer_key"], Names(tests));
        Assert.Equal(TestKind.Unique, tests[0].Kind);
        Assert.Equal(["order_id"], tests[0].Columns);
        Assert.True(tests[1].WarnOnly);
        Assert.Equal(("dim_customers", "customer_key"), (tests[2].Related!.Name, tests[2].RelatedColumn));
    }

    [Fact]
    public void Declared_tests_on_a_dimension_skip_the_unknown_member_and_an_unresolved_relationship_is_left_out()
    {
        var segment = Column("segment", nullable: true, type: SqlTypeKind.Varchar) with
        {
            DeclaredTests = new[]
            {
                Declared(TestKind.AcceptedValues) with { Values = new[] { "retail", "business" }.ToEquatableArray() },
                Declared(TestKind.Range, warnOnly: true) with { Min = "0", Max = "9" },
                Declared(TestKind.Relationships) with { RelatedType = "Shop.Missing", RelatedColumn = "id" },
                Declared(TestKind.Relationships) with { RelatedType = "Shop.Segments", RelatedColumn = "code" },
            }.ToEquatableArray(),
        };
        var dimension = Node(NodeKind.Dimension, "dim_customers", Column("customer_key", ColumnRole.SurrogateKey), segment);

        var tests = TestDerivation.Derive(dimension, (_, declared) => declared.RelatedType == "Shop.Segments" ? new RelationshipTarget(new TableRef("gold", "segments"), "code") : null)
            .Where(t => t.Columns.SequenceEqual(["segment"]))
            .ToList();

        Assert.Equal(["accepted_values_dim_customers_segment", "range_dim_customers_segment", "relationships_dim_customers_segment__segments"], Names(tests));
        Assert.All(tests, t => Assert.Equal("customer_key <> -1", t.Where));
        Assert.Equal(["retail", "business"], tests[0].Values);
        Assert.True(tests[1].WarnOnly);
        Assert.Equal("code", tests[2].RelatedColumn);
    }

    [Fact]
    public void Sources_analyses_and_singular_tests_get_no_generic_tests()
    {
        foreach (var kind in new[] { NodeKind.Source, NodeKind.Analysis, NodeKind.SingularTest })
        {
            Assert.Empty(TestDerivation.Derive(Node(kind, "x", Column("id")), NoRelationships));
        }
    }
}
