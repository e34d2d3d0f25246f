-- not_null test on silver.stg_dates(quarter), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "quarter" IS NULL;
