-- not_null test on silver.stg_customer_interactions(interaction_rating), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_customer_interactions"
WHERE "interaction_rating" IS NULL;
