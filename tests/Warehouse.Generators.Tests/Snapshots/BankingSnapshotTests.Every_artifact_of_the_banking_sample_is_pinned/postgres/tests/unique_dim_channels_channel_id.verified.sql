-- unique test on gold.dim_channels(channel_id), severity error: returns the failing rows.
SELECT "channel_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_channels"
WHERE channel_key <> -1
GROUP BY "channel_id"
HAVING COUNT(*) > 1;
