-- not_null test on gold.fact_loans(currency_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_loans"
WHERE "currency_key" IS NULL;
