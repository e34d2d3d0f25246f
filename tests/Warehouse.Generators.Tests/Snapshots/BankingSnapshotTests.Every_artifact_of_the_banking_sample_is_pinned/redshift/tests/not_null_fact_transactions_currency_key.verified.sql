-- not_null test on gold.fact_transactions(currency_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_transactions"
WHERE "currency_key" IS NULL;
