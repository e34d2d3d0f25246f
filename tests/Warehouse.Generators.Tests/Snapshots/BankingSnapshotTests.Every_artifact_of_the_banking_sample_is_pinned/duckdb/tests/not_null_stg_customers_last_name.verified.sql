-- not_null test on silver.stg_customers(last_name), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customers"
WHERE "last_name" IS NULL;
