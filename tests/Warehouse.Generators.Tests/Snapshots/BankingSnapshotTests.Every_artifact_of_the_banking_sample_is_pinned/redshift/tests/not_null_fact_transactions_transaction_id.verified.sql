-- not_null test on gold.fact_transactions(transaction_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "transaction_id" IS NULL;
