-- not_null test on silver.stg_investments(currency_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "currency_id" IS NULL;
