-- not_null test on gold.dim_customers(full_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_customers"
WHERE "full_name" IS NULL;
