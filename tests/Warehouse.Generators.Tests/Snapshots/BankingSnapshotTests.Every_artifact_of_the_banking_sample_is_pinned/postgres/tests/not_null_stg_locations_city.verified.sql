-- not_null test on silver.stg_locations(city), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_locations"
WHERE "city" IS NULL;
