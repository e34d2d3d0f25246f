-- not_null test on silver.stg_daily_balances(opening_balance), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "opening_balance" IS NULL;
