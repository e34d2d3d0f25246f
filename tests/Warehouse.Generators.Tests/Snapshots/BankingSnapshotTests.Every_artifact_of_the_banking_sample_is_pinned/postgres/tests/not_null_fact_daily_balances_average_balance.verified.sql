-- not_null test on gold.fact_daily_balances(average_balance), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "average_balance" IS NULL;
