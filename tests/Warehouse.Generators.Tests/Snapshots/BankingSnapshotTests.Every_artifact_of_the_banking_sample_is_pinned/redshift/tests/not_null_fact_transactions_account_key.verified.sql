-- not_null test on gold.fact_transactions(account_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "account_key" IS NULL;
