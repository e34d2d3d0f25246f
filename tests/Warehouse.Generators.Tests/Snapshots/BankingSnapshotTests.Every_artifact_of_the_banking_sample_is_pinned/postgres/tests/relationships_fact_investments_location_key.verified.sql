-- relationships test on gold.fact_investments(location_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_investments" AS c
LEFT JOIN "gold"."dim_locations" AS p ON p."location_key" = c."location_key"
WHERE c."location_key" IS NOT NULL AND p."location_key" IS NULL;
