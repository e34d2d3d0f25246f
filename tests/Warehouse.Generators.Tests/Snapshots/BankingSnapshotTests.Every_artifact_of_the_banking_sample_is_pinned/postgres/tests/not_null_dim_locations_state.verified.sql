-- not_null test on gold.dim_locations(state), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_locations"
WHERE "state" IS NULL;
