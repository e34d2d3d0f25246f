-- not_null test on gold.dim_dates(quarter), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "quarter" IS NULL;
