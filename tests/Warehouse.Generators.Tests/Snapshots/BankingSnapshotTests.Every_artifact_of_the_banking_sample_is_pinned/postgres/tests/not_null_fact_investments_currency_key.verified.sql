-- not_null test on gold.fact_investments(currency_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "currency_key" IS NULL;
