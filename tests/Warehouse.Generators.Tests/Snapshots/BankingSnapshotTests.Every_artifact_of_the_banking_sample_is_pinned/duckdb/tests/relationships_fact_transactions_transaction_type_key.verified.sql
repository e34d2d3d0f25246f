-- relationships test on gold.fact_transactions(transaction_type_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_transactions" AS c
LEFT JOIN "gold"."dim_transaction_types" AS p ON p."transaction_type_key" = c."transaction_type_key"
WHERE c."transaction_type_key" IS NOT NULL AND p."transaction_type_key" IS NULL;
