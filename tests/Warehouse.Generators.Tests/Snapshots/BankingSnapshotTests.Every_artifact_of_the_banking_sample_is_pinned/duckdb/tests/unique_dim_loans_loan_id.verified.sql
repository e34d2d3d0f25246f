-- unique test on gold.dim_loans(loan_id), severity error: returns the failing rows.
SELECT "loan_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_loans"
WHERE loan_key <> -1
GROUP BY "loan_id"
HAVING COUNT(*) > 1;
