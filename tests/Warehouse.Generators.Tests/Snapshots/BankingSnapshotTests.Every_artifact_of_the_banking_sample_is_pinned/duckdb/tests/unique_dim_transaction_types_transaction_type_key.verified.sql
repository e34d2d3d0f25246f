-- unique test on gold.dim_transaction_types(transaction_type_key), severity error: returns the failing rows.
SELECT "transaction_type_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_transaction_types"
GROUP BY "transaction_type_key"
HAVING COUNT(*) > 1;
