using Warehouse.Generators.Dialects;
using Warehouse.Generators.Model;
using Warehouse.Generators.SqlFrontEnd;

namespace Warehouse.Generators.Tests.SqlFrontEnd;

/// <summary>What each output column of a bound body reads (<see cref="SqlOutputColumn.Reads"/>), through CTEs, subqueries and set operations.</summary>
public sealed class SqlLineageTests
{
    private static readonly SqlType Number = new(SqlTypeKind.BigInt);

    private static readonly SqlBoundTable Orders = new("orders", "gold.orders", "gold.orders", new[] { ("id", Number), ("customer_id", Number), ("amount", Number) });

    private static readonly SqlBoundTable Customers = new("customers", "gold.customers", "gold.customers", new[] { ("id", Number), ("region", Number) });

    [Theory]
    [InlineData("SELECT o.amount + c.region AS x FROM {0} o JOIN {1} c ON c.id = o.customer_id", "gold.orders.amount gold.customers.region")]
    [InlineData("SELECT SUM(o.amount) AS x FROM {0} o JOIN {1} c ON c.id = o.customer_id WHERE c.region > 1 GROUP BY c.region HAVING COUNT(*) > 2", "gold.orders.amount")]
    [InlineData("SELECT COUNT(*) AS x FROM {0}", "")]
    [InlineData("SELECT 'a' AS x FROM {0}", "")]
    [InlineData("SELECT CASE WHEN region > 1 THEN id END AS x FROM {1}", "gold.customers.region gold.customers.id")]
    [InlineData("SELECT ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount) AS x FROM {0}", "gold.orders.customer_id gold.orders.amount")]
    [InlineData("WITH t AS (SELECT amount * 2 AS doubled FROM {0}) SELECT doubled AS x FROM t", "gold.orders.amount")]
    [InlineData("SELECT s.total AS x FROM (SELECT customer_id, SUM(amount) AS total FROM {0} GROUP BY customer_id) s", "gold.orders.amount")]
    [InlineData("SELECT (SELECT MAX(region) FROM {1} c WHERE c.id = o.customer_id) AS x FROM {0} o", "gold.customers.region")]
    [InlineData("SELECT id AS x FROM {0} UNION ALL SELECT region FROM {1}", "gold.orders.id gold.customers.region")]
    [InlineData("SELECT * FROM (SELECT amount AS x FROM {0}) s", "gold.orders.amount")]
    [InlineData("WITH RECURSIVE r (x) AS (SELECT id FROM {0} UNION ALL SELECT x + amount FROM r JOIN {0} ON TRUE) SELECT x FROM r", "gold.orders.id gold.orders.amount")]
    public void An_output_reads_the_columns_its_value_is_computed_from(string body, string expected)
    {
        var parts = new List<SqlPart>();
        var rest = body;
        while (rest.Length > 0)
        {
            var hole = rest.IndexOf('{');
            if (hole < 0)
            {
                parts.Add(new SqlPart(rest, null));
                break;
            }

            parts.Add(new SqlPart(rest[..hole], null));
            parts.Add(rest[hole + 1] == '0' ? new SqlPart("Orders", "Shop.Orders") : new SqlPart("Customers", "Shop.Customers"));
            rest = rest[(hole + 3)..];
        }

        var outcome = SqlParser.Parse(parts.ToEquatableArray());
        Assert.Null(outcome.Error);
        var binding = SqlBinder.Bind(outcome.Query!, "Shop.Report", part => parts[part].ReferencedType == "Shop.Orders" ? Orders : Customers, SqlDialect.All);

        Assert.Empty(binding.Problems);
        var x = Assert.Single(binding.Outputs);
        Assert.Equal(expected, string.Join(" ", x.Reads.Select(r => r.Node + "." + r.Column)));
    }
}
