-- not_null test on gold.dim_accounts(account_type), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "account_type" IS NULL;
