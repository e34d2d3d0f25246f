-- not_null test on silver.stg_loan_facts(date_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "date_id" IS NULL;
