-- not_null test on silver.stg_transactions(location_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "location_id" IS NULL;
