-- not_null test on gold.fact_investments(account_key), severity error: returns the failing rows.
SELECT *
FROM "gold"."fact_investments"
WHERE "account_key" IS NULL;
