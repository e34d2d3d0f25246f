-- not_null test on gold.dim_loans(loan_amount), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_loans"
WHERE "loan_amount" IS NULL;
