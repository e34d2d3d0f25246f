-- unique test on gold.fact_transactions(transaction_id), severity error: returns the failing rows.
SELECT "transaction_id", COUNT(*) AS "occurrences"
FROM "gold"."fact_transactions"
GROUP BY "transaction_id"
HAVING COUNT(*) > 1;
