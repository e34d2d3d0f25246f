-- not_null test on gold.dim_dates(date_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "date_id" IS NULL;
