-- not_null test on gold.dim_loans(interest_rate), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_loans"
WHERE "interest_rate" IS NULL;
