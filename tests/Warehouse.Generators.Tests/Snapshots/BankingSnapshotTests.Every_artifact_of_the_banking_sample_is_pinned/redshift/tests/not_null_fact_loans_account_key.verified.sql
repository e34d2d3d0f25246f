-- not_null test on gold.fact_loans(account_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "account_key" IS NULL;
