-- not_null test on silver.stg_customers(customer_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customers"
WHERE "customer_id" IS NULL;
