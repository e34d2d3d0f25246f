-- not_null test on silver.stg_investments(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_investments"
WHERE "date_id" IS NULL;
