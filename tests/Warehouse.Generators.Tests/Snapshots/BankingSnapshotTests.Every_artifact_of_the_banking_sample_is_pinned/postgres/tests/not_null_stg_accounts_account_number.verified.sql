-- not_null test on silver.stg_accounts(account_number), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_accounts"
WHERE "account_number" IS NULL;
