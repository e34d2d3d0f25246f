-- not_null test on gold.dim_locations(city), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_locations"
WHERE "city" IS NULL;
