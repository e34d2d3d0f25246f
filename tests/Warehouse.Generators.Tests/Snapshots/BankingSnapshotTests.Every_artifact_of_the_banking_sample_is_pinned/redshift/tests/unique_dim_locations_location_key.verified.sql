-- unique test on gold.dim_locations(location_key), severity error: returns the failing rows.
SELECT "location_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_locations"
GROUP BY "location_key"
HAVING COUNT(*) > 1;
