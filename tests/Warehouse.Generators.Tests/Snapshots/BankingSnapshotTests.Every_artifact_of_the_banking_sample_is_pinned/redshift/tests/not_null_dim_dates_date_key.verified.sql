-- not_null test on gold.dim_dates(date_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "date_key" IS NULL;
