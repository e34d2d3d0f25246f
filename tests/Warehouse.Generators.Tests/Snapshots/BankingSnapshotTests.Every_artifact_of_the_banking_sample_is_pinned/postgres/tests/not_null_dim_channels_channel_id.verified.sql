-- not_null test on gold.dim_channels(channel_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_channels"
WHERE "channel_id" IS NULL;
