-- not_null test on silver.stg_dates(date), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "date" IS NULL;
