-- not_null test on gold.fact_loans(loan_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "loan_key" IS NULL;
