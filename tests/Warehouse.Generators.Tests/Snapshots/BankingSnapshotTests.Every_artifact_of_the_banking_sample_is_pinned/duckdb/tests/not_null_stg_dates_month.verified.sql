-- not_null test on silver.stg_dates(month), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "month" IS NULL;
