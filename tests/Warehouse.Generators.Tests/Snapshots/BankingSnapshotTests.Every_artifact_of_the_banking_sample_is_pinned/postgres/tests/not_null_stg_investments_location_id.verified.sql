-- not_null test on silver.stg_investments(location_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "location_id" IS NULL;
