-- not_null test on gold.fact_loans(loan_fact_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "loan_fact_id" IS NULL;
