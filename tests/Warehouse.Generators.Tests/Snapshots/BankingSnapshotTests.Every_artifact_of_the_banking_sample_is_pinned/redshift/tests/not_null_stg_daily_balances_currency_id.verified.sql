-- not_null test on silver.stg_daily_balances(currency_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "currency_id" IS NULL;
