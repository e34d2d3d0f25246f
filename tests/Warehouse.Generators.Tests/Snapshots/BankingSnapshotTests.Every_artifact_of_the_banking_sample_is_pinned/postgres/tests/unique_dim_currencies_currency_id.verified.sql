-- unique test on gold.dim_currencies(currency_id), severity error: returns the failing rows.
SELECT "currency_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_currencies"
WHERE currency_key <> -1
GROUP BY "currency_id"
HAVING COUNT(*) > 1;
