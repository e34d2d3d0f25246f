-- unique test on gold.dim_investment_types(investment_type_id), severity error: returns the failing rows.
SELECT "investment_type_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_investment_types"
WHERE investment_type_key <> -1
GROUP BY "investment_type_id"
HAVING COUNT(*) > 1;
