-- not_null test on silver.stg_customers(full_name), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customers"
WHERE "full_name" IS NULL;
