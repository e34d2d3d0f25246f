-- not_null test on gold.fact_daily_balances(opening_balance), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "opening_balance" IS NULL;
