-- unique test on gold.dim_investment_types(investment_type_key), severity error: returns the failing rows.
SELECT "investment_type_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_investment_types"
GROUP BY "investment_type_key"
HAVING COUNT(*) > 1;
