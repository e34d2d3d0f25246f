-- not_null test on silver.stg_channels(channel_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_channels"
WHERE "channel_id" IS NULL;
