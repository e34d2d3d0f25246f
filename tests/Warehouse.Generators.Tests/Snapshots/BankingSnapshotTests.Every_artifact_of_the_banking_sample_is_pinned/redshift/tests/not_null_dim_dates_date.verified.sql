-- not_null test on gold.dim_dates(date), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "date" IS NULL;
