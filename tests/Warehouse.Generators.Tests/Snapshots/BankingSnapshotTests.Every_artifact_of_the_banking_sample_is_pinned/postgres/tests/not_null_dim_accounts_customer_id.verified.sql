-- not_null test on gold.dim_accounts(customer_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "customer_id" IS NULL;
