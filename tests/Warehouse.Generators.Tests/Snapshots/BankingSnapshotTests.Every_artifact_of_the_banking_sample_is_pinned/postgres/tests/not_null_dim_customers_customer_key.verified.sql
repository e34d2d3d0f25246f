-- not_null test on gold.dim_customers(customer_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_customers"
WHERE "customer_key" IS NULL;
