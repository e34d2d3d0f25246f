-- not_null test on silver.stg_accounts(account_type), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_accounts"
WHERE "account_type" IS NULL;
