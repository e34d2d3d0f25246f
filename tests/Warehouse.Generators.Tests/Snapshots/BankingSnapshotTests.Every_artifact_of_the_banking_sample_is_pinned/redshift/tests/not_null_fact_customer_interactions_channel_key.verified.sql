-- not_null test on gold.fact_customer_interactions(channel_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "channel_key" IS NULL;
