-- not_null test on silver.stg_dates(day), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "day" IS NULL;
