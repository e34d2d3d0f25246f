-- not_null test on silver.stg_locations(location_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_locations"
WHERE "location_id" IS NULL;
