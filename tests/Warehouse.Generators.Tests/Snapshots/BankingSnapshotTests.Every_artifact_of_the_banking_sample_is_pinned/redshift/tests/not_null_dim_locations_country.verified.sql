-- not_null test on gold.dim_locations(country), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_locations"
WHERE "country" IS NULL;
