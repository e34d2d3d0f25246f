-- known_member test on gold.fact_investments(investment_type_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_investments"
WHERE "investment_type_key" = -1;
