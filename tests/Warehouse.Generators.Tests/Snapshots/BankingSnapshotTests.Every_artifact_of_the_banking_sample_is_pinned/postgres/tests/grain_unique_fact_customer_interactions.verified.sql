-- unique test on gold.fact_customer_interactions(interaction_id), severity error: returns the failing rows.
SELECT "interaction_id", COUNT(*) AS "occurrences"
FROM "gold"."fact_customer_interactions"
GROUP BY "interaction_id"
HAVING COUNT(*) > 1;
