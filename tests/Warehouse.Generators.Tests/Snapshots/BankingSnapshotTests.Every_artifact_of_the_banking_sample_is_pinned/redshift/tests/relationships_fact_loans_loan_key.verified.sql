-- relationships test on gold.fact_loans(loan_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_loans" AS c
LEFT JOIN "gold"."dim_loans" AS p ON p."loan_key" = c."loan_key"
WHERE c."loan_key" IS NOT NULL AND p."loan_key" IS NULL;
