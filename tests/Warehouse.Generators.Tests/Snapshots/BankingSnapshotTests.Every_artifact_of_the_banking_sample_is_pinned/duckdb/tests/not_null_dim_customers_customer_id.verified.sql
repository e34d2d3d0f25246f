-- not_null test on gold.dim_customers(customer_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_customers"
WHERE "customer_id" IS NULL;
