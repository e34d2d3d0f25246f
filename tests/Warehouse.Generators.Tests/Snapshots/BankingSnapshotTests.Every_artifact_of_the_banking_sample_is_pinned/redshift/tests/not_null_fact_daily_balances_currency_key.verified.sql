-- not_null test on gold.fact_daily_balances(currency_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "currency_key" IS NULL;
