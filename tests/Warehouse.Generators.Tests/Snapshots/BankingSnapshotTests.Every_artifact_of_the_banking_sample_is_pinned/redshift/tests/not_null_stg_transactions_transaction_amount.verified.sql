-- not_null test on silver.stg_transactions(transaction_amount), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "transaction_amount" IS NULL;
