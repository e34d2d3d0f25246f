-- known_member test on gold.fact_customer_interactions(date_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "date_key" = -1;
