-- not_null test on gold.fact_daily_balances(balance_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "balance_id" IS NULL;
