-- not_null test on silver.stg_transactions(transaction_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "transaction_id" IS NULL;
