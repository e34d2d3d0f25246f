-- not_null test on gold.dim_channels(channel_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_channels"
WHERE "channel_key" IS NULL;
