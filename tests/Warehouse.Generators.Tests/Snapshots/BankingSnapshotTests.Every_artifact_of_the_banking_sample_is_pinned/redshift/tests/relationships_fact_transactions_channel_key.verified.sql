-- relationships test on gold.fact_transactions(channel_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_transactions" AS c
LEFT JOIN "gold"."dim_channels" AS p ON p."channel_key" = c."channel_key"
WHERE c."channel_key" IS NOT NULL AND p."channel_key" IS NULL;
