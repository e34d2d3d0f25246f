-- not_null test on silver.stg_investments(account_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "account_id" IS NULL;
