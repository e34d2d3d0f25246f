-- unique test on gold.dim_customers(customer_key), severity error: returns the failing rows.
SELECT "customer_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_customers"
GROUP BY "customer_key"
HAVING COUNT(*) > 1;
