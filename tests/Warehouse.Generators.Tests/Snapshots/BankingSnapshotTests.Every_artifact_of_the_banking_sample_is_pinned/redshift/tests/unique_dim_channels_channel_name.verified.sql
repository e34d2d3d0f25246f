-- unique test on gold.dim_channels(channel_name), severity error: returns the failing rows.
SELECT "channel_name", COUNT(*) AS "occurrences"
FROM "gold"."dim_channels"
WHERE channel_key <> -1
GROUP BY "channel_name"
HAVING COUNT(*) > 1;
