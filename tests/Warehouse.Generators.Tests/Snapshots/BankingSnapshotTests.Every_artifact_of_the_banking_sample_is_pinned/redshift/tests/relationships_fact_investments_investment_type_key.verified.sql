-- relationships test on gold.fact_investments(investment_type_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_investments" AS c
LEFT JOIN "gold"."dim_investment_types" AS p ON p."investment_type_key" = c."investment_type_key"
WHERE c."investment_type_key" IS NOT NULL AND p."investment_type_key" IS NULL;
