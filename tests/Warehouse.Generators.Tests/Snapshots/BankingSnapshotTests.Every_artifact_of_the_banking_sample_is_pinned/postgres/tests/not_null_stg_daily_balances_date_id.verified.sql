-- not_null test on silver.stg_daily_balances(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_daily_balances"
WHERE "date_id" IS NULL;
