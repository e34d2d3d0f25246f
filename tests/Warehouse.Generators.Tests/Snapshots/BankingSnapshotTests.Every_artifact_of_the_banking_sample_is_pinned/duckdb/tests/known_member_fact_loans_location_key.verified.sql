-- known_member test on gold.fact_loans(location_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_loans"
WHERE "location_key" = -1;
