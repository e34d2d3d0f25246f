-- not_null test on gold.fact_transactions(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "date_key" IS NULL;
