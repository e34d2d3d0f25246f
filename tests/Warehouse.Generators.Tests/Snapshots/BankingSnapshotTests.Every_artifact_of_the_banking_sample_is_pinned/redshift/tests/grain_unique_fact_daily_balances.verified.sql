-- unique test on gold.fact_daily_balances(balance_id), severity error: returns the failing rows.
SELECT "balance_id", COUNT(*) AS "occurrences"
FROM "gold"."fact_daily_balances"
GROUP BY "balance_id"
HAVING COUNT(*) > 1;
