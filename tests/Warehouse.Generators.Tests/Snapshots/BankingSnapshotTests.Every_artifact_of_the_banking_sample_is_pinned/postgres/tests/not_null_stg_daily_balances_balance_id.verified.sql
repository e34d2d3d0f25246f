-- not_null test on silver.stg_daily_balances(balance_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "balance_id" IS NULL;
