-- not_null test on gold.fact_transactions(location_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "location_key" IS NULL;
