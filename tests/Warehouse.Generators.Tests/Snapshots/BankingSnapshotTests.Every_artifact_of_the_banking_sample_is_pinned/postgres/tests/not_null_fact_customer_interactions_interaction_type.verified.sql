-- not_null test on gold.fact_customer_interactions(interaction_type), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "interaction_type" IS NULL;
