-- not_null test on gold.monthly_transaction_summary(month), severity error: returns the failing rows.
SELECT *
FROM "gold"."monthly_transaction_summary"
WHERE "month" IS NULL;
