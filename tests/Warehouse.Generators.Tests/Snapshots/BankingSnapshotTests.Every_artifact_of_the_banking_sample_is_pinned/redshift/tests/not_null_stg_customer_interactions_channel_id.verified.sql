-- not_null test on silver.stg_customer_interactions(channel_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "channel_id" IS NULL;
