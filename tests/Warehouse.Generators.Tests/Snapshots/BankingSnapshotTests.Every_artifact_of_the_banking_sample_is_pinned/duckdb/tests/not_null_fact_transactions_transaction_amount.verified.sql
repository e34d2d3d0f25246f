-- not_null test on gold.fact_transactions(transaction_amount), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "transaction_amount" IS NULL;
