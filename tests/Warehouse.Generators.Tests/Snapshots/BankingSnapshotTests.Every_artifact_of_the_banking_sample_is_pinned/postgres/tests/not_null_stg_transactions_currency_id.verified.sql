-- not_null test on silver.stg_transactions(currency_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "currency_id" IS NULL;
