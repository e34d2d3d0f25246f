-- not_null test on gold.fact_investments(investment_type_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "investment_type_key" IS NULL;
