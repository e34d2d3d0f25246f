-- not_null test on silver.stg_transactions(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_transactions"
WHERE "date_id" IS NULL;
