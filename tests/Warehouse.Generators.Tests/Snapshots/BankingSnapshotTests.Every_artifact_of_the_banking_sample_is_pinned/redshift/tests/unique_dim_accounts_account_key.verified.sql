-- unique test on gold.dim_accounts(account_key), severity error: returns the failing rows.
SELECT "account_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_accounts"
GROUP BY "account_key"
HAVING COUNT(*) > 1;
