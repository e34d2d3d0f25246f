-- not_null test on silver.stg_daily_balances(closing_balance), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "closing_balance" IS NULL;
