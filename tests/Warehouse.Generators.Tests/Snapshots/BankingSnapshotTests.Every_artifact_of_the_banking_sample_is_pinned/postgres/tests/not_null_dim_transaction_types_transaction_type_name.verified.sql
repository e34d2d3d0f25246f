-- not_null test on gold.dim_transaction_types(transaction_type_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_transaction_types"
WHERE "transaction_type_name" IS NULL;
