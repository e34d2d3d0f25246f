-- not_null test on silver.stg_loan_facts(location_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "location_id" IS NULL;
