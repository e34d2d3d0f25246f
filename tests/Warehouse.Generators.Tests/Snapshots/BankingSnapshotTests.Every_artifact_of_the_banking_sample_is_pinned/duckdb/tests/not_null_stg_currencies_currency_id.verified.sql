-- not_null test on silver.stg_currencies(currency_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_currencies"
WHERE "currency_id" IS NULL;
