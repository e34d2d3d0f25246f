-- relationships test on gold.fact_customer_interactions(customer_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_customer_interactions" AS c
LEFT JOIN "gold"."dim_customers" AS p ON p."customer_key" = c."customer_key"
WHERE c."customer_key" IS NOT NULL AND p."customer_key" IS NULL;
