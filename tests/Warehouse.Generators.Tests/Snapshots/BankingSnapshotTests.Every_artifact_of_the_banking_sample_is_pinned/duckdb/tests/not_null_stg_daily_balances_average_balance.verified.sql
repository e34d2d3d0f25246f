-- not_null test on silver.stg_daily_balances(average_balance), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "average_balance" IS NULL;
