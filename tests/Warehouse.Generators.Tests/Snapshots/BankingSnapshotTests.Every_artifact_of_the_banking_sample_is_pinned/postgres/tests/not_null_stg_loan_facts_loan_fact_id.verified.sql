-- not_null test on silver.stg_loan_facts(loan_fact_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "loan_fact_id" IS NULL;
