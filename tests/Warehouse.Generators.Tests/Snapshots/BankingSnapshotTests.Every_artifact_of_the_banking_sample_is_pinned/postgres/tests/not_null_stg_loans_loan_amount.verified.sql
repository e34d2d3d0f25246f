-- not_null test on silver.stg_loans(loan_amount), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loans"
WHERE "loan_amount" IS NULL;
