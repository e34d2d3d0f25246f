-- not_null test on gold.fact_loans(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "date_key" IS NULL;
