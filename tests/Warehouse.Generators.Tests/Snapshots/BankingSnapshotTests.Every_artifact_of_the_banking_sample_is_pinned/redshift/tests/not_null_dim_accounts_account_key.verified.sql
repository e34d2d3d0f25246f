-- not_null test on gold.dim_accounts(account_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "account_key" IS NULL;
