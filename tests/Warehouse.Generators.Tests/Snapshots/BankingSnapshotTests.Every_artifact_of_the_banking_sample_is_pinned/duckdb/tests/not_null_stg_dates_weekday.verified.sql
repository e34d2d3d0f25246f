-- not_null test on silver.stg_dates(weekday), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "weekday" IS NULL;
