-- not_null test on gold.fact_daily_balances(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "date_key" IS NULL;
