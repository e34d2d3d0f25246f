-- unique test on gold.dim_transaction_types(transaction_type_id), severity error: returns the failing rows.
SELECT "transaction_type_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_transaction_types"
WHERE transaction_type_key <> -1
GROUP BY "transaction_type_id"
HAVING COUNT(*) > 1;
