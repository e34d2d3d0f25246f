-- unique test on gold.dim_accounts(account_number), severity error: returns the failing rows.
SELECT "account_number", COUNT(*) AS "occurrences"
FROM "gold"."dim_accounts"
WHERE is_current AND account_key <> -1
GROUP BY "account_number"
HAVING COUNT(*) > 1;
