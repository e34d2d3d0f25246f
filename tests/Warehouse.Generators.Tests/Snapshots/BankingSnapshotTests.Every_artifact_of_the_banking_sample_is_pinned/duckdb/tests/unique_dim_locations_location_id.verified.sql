-- unique test on gold.dim_locations(location_id), severity error: returns the failing rows.
SELECT "location_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_locations"
WHERE location_key <> -1
GROUP BY "location_id"
HAVING COUNT(*) > 1;
