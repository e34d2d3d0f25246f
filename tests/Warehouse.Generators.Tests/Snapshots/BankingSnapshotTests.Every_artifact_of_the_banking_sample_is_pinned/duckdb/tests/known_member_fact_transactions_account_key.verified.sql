-- known_member test on gold.fact_transactions(account_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_transactions"
WHERE "account_key" = -1;
