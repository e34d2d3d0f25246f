-- not_null test on silver.stg_customer_interactions(interaction_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "interaction_id" IS NULL;
