-- not_null test on silver.stg_channels(channel_name), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_channels"
WHERE "channel_name" IS NULL;
