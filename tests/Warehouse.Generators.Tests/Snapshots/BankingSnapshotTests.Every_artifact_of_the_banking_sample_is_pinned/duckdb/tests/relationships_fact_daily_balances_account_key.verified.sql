-- relationships test on gold.fact_daily_balances(account_key), severity error: returns the failing rows.
SELECT c.*
FROM "gold"."fact_daily_balances" AS c
LEFT JOIN "gold"."dim_accounts" AS p ON p."account_key" = c."account_key"
WHERE c."account_key" IS NOT NULL AND p."account_key" IS NULL;
