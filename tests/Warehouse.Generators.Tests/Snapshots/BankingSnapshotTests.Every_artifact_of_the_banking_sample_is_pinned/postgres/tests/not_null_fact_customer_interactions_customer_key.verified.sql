-- not_null test on gold.fact_customer_interactions(customer_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "customer_key" IS NULL;
