-- not_null test on gold.fact_customer_interactions(location_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "location_key" IS NULL;
