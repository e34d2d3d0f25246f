-- unique test on gold.fact_loans(loan_fact_id), severity error: returns the failing rows.
SELECT "loan_fact_id", COUNT(*) AS "occurrences"
FROM "gold"."fact_loans"
GROUP BY "loan_fact_id"
HAVING COUNT(*) > 1;
