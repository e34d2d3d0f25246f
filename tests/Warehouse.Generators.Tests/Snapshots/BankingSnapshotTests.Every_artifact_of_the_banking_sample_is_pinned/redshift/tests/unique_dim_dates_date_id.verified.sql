-- unique test on gold.dim_dates(date_id), severity error: returns the failing rows.
SELECT "date_id", COUNT(*) AS "occurrences"
FROM "gold"."dim_dates"
WHERE date_key <> -1
GROUP BY "date_id"
HAVING COUNT(*) > 1;
