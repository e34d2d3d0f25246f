-- relationships test on gold.fact_transactions(currency_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_transactions" AS c
LEFT JOIN "gold"."dim_currencies" AS p ON p."currency_key" = c."currency_key"
WHERE c."currency_key" IS NOT NULL AND p."currency_key" IS NULL;
