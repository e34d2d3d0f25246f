namespace Warehouse.Generators.Tests.SqlFrontEnd;

/// <summary>Valid bodies over <see cref="GeneratorHarness.ValidModel"/> that together use every construct the front end parses.</summary>
internal static class SqlFrontEndSamples
{
    public const string ValidBodies = """"
        [SqlModel($"""
            WITH totals (customer_key, total, orders) AS (
                SELECT o.customer_key, SUM(o.amount), COUNT(*) FILTER (WHERE o.amount > 0)
                FROM {nameof(FactOrders)} AS o
                GROUP BY 1
            ), ranked AS (
                SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.orders ORDER BY t.total DESC NULLS LAST) AS position
                FROM totals t
            )
            SELECT DISTINCT c.customer_id,
                   initcap(c.name) AS name,
                   COALESCE(r.total, 0.00) AS total,
                   CAST(r.orders AS INTEGER) AS orders,
                   r.position::bigint AS position,
                   CASE WHEN r.total >= 1000 THEN 'high' WHEN r.total IS NULL THEN 'none' ELSE 'low' END AS band
            FROM {nameof(DimCustomers)} AS c
            LEFT OUTER JOIN ranked AS r ON r.customer_key = c.customer_key
            WHERE c.is_current AND c.customer_key <> -1 AND c.valid_from <= now()
            ORDER BY c.customer_id
            LIMIT 100 OFFSET 0
            """)]
        public sealed record CustomerTotals
        {
            public long CustomerId { get; init; }
            public required string Name { get; init; }
            public decimal Total { get; init; }
            public int Orders { get; init; }
            public long Position { get; init; }
            [MaxLength(4)] public required string Band { get; init; }
        }

        [Analysis($"""
            SELECT s.customer_id, upper(s.name) AS name, x.amount, x.running
            FROM {nameof(StgCustomers)} s
            CROSS JOIN (SELECT 1 AS one) AS k
            FULL JOIN (
                SELECT f.customer_key, f.amount,
                       SUM(f.amount) OVER (ORDER BY f.order_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
                       AVG(f.amount) OVER (PARTITION BY f.customer_key ROWS 2 PRECEDING) AS recent
                FROM {nameof(FactOrders)} AS f
                WHERE f.amount BETWEEN 1 AND 1000 AND f.order_id NOT IN (SELECT order_id FROM {nameof(StgOrders)} WHERE amount < 0)
            ) AS x ON x.customer_key = s.customer_id
            WHERE s.name LIKE 'A%' OR s.name ILIKE '%b' OR s.name NOT LIKE '_c' OR s.name IN ('x', 'y')
               OR EXISTS (SELECT 1 FROM {nameof(StgOrders)} o WHERE o.customer_id = s.customer_id)
               OR s._batch_at > DATE '2024-01-31' - INTERVAL '1 day'
               OR (SELECT MAX(amount) FROM {nameof(StgOrders)}) > 10.5
               OR s.name IS DISTINCT FROM 'z' OR s.name IS NOT DISTINCT FROM 'w' OR NOT s.customer_id = -1
            UNION ALL
            SELECT customer_id, name, NULL, NULL FROM {nameof(StgCustomers)}
            UNION
            (SELECT customer_id, name, 1.5, 2.5 FROM {nameof(StgCustomers)} ORDER BY 1 LIMIT 1)
            EXCEPT
            SELECT customer_id, name, amount, amount FROM {nameof(StgOrders)} JOIN {nameof(StgCustomers)} USING (customer_id)
            INTERSECT
            SELECT customer_id, name, 0, 0 FROM {nameof(StgCustomers)}
            """)]
        public sealed record EveryConstruct;

        [SingularTest($"""
            SELECT customer_key, COUNT(*) AS orders, SUM(amount) FILTER (WHERE amount > 0) AS positive
            FROM {nameof(FactOrders)}
            GROUP BY customer_key
            HAVING COUNT(DISTINCT order_id) > 1 AND MAX(amount) - MIN(amount) > round(AVG(amount), 2) -- a comment
            /* and a block comment */
            """)]
        public sealed record GroupedTest;

        [Analysis($"""
            WITH RECURSIVE days (n, total) AS (
                SELECT 1, CAST(0 AS DECIMAL(18,2))
                UNION ALL
                SELECT d.n + 1, d.total + o.amount FROM days AS d JOIN {nameof(FactOrders)} AS o ON o.order_id = d.n WHERE d.n < 10
            )
            SELECT n, total FROM days
            """)]
        public sealed record RecursiveTotals;
        """";
}
