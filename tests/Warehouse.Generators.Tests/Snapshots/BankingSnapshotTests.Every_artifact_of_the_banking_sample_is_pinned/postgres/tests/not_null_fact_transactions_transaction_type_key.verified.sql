-- not_null test on gold.fact_transactions(transaction_type_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "transaction_type_key" IS NULL;
