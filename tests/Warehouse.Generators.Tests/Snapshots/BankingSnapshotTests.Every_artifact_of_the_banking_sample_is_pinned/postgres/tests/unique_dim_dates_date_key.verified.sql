-- unique test on gold.dim_dates(date_key), severity error: returns the failing rows.
SELECT "date_key", COUNT(*) AS "occurrences"
FROM "gold"."dim_dates"
GROUP BY "date_key"
HAVING COUNT(*) > 1;
