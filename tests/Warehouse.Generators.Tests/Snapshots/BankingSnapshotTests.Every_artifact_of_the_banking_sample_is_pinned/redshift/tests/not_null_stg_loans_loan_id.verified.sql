-- not_null test on silver.stg_loans(loan_id), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loans"
WHERE "loan_id" IS NULL;
