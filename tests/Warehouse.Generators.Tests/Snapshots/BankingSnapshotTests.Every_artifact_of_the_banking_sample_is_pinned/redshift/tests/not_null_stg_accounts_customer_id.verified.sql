-- not_null test on silver.stg_accounts(customer_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_accounts"
WHERE "customer_id" IS NULL;
