-- not_null test on silver.stg_loans(loan_type), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loans"
WHERE "loan_type" IS NULL;
