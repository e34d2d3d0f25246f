-- unique test on gold.dim_channels(channel_key), severity error: returns the failing rows.
SELECT "channel_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_channels"
GROUP BY "channel_key"
HAVING COUNT(*) > 1;
