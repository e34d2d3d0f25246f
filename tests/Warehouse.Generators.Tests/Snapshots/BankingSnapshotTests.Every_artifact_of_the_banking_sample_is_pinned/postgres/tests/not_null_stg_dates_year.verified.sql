-- not_null test on silver.stg_dates(year), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_dates"
WHERE "year" IS NULL;
