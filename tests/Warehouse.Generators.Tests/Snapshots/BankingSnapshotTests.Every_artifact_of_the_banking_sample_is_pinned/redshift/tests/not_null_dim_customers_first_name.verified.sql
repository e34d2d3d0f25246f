-- not_null test on gold.dim_customers(first_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_customers"
WHERE "first_name" IS NULL;
