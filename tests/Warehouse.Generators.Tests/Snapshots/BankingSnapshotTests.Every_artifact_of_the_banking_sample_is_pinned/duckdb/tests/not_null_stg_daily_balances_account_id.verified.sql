-- not_null test on silver.stg_daily_balances(account_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "account_id" IS NULL;
