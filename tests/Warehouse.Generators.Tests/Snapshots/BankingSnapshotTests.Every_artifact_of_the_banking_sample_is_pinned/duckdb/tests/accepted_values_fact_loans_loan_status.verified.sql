-- accepted_values test on gold.fact_loans(loan_status), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "loan_status" IS NOT NULL
    AND CAST("loan_status" AS VARCHAR(256)) NOT IN ('Approved', 'Pending', 'Rejected');
