-- not_null test on gold.dim_dates(month), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "month" IS NULL;
