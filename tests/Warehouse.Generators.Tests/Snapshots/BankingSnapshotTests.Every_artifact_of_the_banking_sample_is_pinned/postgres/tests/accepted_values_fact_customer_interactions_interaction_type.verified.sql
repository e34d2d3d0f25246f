-- accepted_values test on gold.fact_customer_interactions(interaction_type), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "interaction_type" IS NOT NULL
    AND CAST("interaction_type" AS VARCHAR(256)) NOT IN ('Call', 'Chat', 'Email', 'In-Person');
