-- not_null test on silver.stg_transactions(account_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "account_id" IS NULL;
