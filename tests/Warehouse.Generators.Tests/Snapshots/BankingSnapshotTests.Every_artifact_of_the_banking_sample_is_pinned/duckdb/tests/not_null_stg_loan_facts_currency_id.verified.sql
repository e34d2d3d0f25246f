-- not_null test on silver.stg_loan_facts(currency_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loan_facts"
WHERE "currency_id" IS NULL;
