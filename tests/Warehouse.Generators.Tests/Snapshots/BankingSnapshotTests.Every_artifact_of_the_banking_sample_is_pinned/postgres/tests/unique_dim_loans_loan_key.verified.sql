-- unique test on gold.dim_loans(loan_key), severity error: returns the failing rows.
SELECT "loan_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_loans"
GROUP BY "loan_key"
HAVING COUNT(*) > 1;
