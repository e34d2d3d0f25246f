-- not_null test on gold.fact_daily_balances(account_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "account_key" IS NULL;
