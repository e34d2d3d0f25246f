-- unique test on gold.dim_customers(customer_id), severity error: returns the failing rows.
SELECT "customer_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_customers"
WHERE is_current AND customer_key <> -1
GROUP BY "customer_id"
HAVING COUNT(*) > 1;
