-- accepted_values test on gold.fact_transactions(transaction_status), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "transaction_status" IS NOT NULL
    AND CAST("transaction_status" AS VARCHAR(256)) NOT IN ('Completed', 'Failed', 'Pending');
