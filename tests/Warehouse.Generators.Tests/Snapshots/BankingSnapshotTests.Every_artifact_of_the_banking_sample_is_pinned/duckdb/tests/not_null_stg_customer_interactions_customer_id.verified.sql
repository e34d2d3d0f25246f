-- not_null test on silver.stg_customer_interactions(customer_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "customer_id" IS NULL;
