-- not_null test on gold.dim_accounts(credit_score), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_accounts"
WHERE "credit_score" IS NULL;
