-- unique test on gold.fact_investments(investment_id), severity error: returns the failing rows.
SELECT "investment_id", COUNT(*) AS "occurrences"
FROM "gold"."fact_investments"
GROUP BY "investment_id"
HAVING COUNT(*) > 1;
