-- not_null test on gold.fact_investments(investment_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "investment_id" IS NULL;
