-- not_null test on gold.dim_locations(location_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_locations"
WHERE "location_id" IS NULL;
