-- known_member test on gold.fact_transactions(transaction_type_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_transactions"
WHERE "transaction_type_key" = -1;
