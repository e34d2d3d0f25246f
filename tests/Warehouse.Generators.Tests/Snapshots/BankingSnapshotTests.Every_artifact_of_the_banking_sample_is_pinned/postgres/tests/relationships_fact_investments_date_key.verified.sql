-- relationships test on gold.fact_investments(date_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_investments" AS c
LEFT JOIN "gold"."dim_dates" AS p ON p."date_key" = c."date_key"
WHERE c."date_key" IS NOT NULL AND p."date_key" IS NULL;
