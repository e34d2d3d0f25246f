-- not_null test on silver.stg_locations(state), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_locations"
WHERE "state" IS NULL;
