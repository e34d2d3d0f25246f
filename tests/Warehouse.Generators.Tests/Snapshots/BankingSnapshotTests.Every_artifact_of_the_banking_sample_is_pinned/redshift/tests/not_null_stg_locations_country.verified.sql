-- not_null test on silver.stg_locations(country), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_locations"
WHERE "country" IS NULL;
