-- not_null test on gold.fact_daily_balances(closing_balance), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "closing_balance" IS NULL;
