-- not_null test on silver.stg_loan_facts(loan_status), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "loan_status" IS NULL;
