-- not_null test on gold.fact_investments(location_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "location_key" IS NULL;
