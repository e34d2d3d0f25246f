-- not_null test on silver.stg_customers(first_name), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customers"
WHERE "first_name" IS NULL;
