-- not_null test on gold.monthly_transaction_summary(transactions), severity error: returns the failing rows.
SELECT *
FROM "gold"."monthly_transaction_summary"
WHERE "transactions" IS NULL;
