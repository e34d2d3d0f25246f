-- not_null test on gold.dim_accounts(account_number), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "account_number" IS NULL;
