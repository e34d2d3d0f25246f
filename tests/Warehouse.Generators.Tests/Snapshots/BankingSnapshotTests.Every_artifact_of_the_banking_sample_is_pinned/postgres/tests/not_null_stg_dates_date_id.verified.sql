-- not_null test on silver.stg_dates(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "date_id" IS NULL;
