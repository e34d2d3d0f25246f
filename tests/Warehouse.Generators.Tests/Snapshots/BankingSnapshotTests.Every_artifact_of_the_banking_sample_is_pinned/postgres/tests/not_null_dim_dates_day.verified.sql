-- not_null test on gold.dim_dates(day), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "day" IS NULL;
