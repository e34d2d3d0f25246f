-- relationships test on gold.fact_customer_interactions(channel_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_customer_interactions" AS c
LEFT JOIN "gold"."dim_channels" AS p ON p."channel_key" = c."channel_key"
WHERE c."channel_key" IS NOT NULL AND p."channel_key" IS NULL;
