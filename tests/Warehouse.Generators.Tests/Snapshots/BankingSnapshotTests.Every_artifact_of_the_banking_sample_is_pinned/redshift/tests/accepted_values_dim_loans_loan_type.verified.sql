-- accepted_values test on gold.dim_loans(loan_type), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_loans"
WHERE "loan_type" IS NOT NULL
    AND CAST("loan_type" AS VARCHAR(256)) NOT IN ('Personal', 'Auto', 'Mortgage', 'Student') AND loan_key <> -1;
