-- not_null test on gold.monthly_transaction_summary(year), severity error: returns the failing rows.
SELECT *
FROM "gold"."monthly_transaction_summary"
WHERE "year" IS NULL;
