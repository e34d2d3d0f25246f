-- not_null test on silver.stg_loan_facts(account_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "account_id" IS NULL;
