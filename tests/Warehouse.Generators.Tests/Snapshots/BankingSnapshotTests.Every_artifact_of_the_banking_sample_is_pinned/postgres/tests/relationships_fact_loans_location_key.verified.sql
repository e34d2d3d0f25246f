-- relationships test on gold.fact_loans(location_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_loans" AS c
LEFT JOIN "gold"."dim_locations" AS p ON p."location_key" = c."location_key"
WHERE c."location_key" IS NOT NULL AND p."location_key" IS NULL;
