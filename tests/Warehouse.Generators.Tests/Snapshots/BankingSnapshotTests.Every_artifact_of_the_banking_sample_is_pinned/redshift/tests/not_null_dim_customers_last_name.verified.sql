-- not_null test on gold.dim_customers(last_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_customers"
WHERE "last_name" IS NULL;
