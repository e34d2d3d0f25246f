-- not_null test on silver.stg_accounts(account_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_accounts"
WHERE "account_id" IS NULL;
