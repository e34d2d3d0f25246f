-- range test on gold.dim_loans(interest_rate), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_loans"
WHERE ("interest_rate" < 0 OR "interest_rate" > 100) AND loan_key <> -1;
