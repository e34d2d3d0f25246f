-- not_null test on silver.stg_loans(interest_rate), severity error: returns the failing rows.
SELECT *
FROM "silver"."stg_loans"
WHERE "interest_rate" IS NULL;
