-- not_null test on silver.stg_transactions(channel_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "channel_id" IS NULL;
