-- not_null test on gold.fact_customer_interactions(interaction_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "interaction_id" IS NULL;
