-- not_null test on gold.fact_investments(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "date_key" IS NULL;
