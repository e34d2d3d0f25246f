-- not_null test on silver.stg_customer_interactions(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "date_id" IS NULL;
