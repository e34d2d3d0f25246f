-- not_null test on gold.dim_channels(channel_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_channels"
WHERE "channel_name" IS NULL;
