-- not_null test on gold.fact_transactions(channel_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "channel_key" IS NULL;
