-- not_null test on gold.monthly_transaction_summary(total_amount), severity error: returns the failing rows.
SELECT *
FROM "gold"."monthly_transaction_summary"
WHERE "total_amount" IS NULL;
