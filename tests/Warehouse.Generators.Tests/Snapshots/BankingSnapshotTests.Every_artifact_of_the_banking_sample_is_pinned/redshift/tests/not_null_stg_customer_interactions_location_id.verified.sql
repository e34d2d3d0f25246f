-- not_null test on silver.stg_customer_interactions(location_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "location_id" IS NULL;
