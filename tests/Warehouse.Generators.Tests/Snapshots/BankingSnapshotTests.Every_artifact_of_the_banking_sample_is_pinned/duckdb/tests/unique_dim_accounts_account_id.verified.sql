-- unique test on gold.dim_accounts(account_id), severity error: returns the failing rows.
SELECT "account_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_accounts"
WHERE is_current AND account_key <> -1
GROUP BY "account_id"
HAVING COUNT(*) > 1;
