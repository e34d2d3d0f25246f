-- not_null test on gold.fact_customer_interactions(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_customer_interactions"
WHERE "date_key" IS NULL;
