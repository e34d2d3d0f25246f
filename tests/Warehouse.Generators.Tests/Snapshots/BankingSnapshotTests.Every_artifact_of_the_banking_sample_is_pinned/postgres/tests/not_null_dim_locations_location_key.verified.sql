-- not_null test on gold.dim_locations(location_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_locations"
WHERE "location_key" IS NULL;
