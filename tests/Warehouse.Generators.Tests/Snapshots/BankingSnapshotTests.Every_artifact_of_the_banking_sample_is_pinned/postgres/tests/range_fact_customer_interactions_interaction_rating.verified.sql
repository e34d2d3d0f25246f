-- range test on gold.fact_customer_interactions(interaction_rating), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE ("interaction_rating" < 1 OR "interaction_rating" > 5);
