-- not_null test on gold.fact_investments(investment_return), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "investment_return" IS NULL;
