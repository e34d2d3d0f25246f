-- not_null test on silver.stg_accounts(credit_score), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_accounts"
WHERE "credit_score" IS NULL;
