-- not_null test on gold.fact_loans(location_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "location_key" IS NULL;
