-- not_null test on gold.dim_dates(year), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "year" IS NULL;
