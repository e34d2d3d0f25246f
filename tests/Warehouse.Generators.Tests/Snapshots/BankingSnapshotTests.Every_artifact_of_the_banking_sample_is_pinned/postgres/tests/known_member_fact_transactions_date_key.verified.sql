-- known_member test on gold.fact_transactions(date_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_transactions"
WHERE "date_key" = -1;
