-- relationships test on gold.fact_daily_balances(currency_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_daily_balances" AS c
LEFT JOIN "gold"."dim_currencies" AS p ON p."currency_key" = c."currency_key"
WHERE c."currency_key" IS NOT NULL AND p."currency_key" IS NULL;
