-- not_null test on gold.dim_dates(weekday), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE "weekday" IS NULL;
