-- unique test on gold.dim_currencies(currency_key), severity error: returns the failing rows.
SELECT "currency_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_currencies"
GROUP BY "currency_key"
HAVING COUNT(*) > 1;
