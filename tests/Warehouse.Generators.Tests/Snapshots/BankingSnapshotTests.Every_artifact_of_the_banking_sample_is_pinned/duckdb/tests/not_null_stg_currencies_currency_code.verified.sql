-- not_null test on silver.stg_currencies(currency_code), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_currencies"
WHERE "currency_code" IS NULL;
