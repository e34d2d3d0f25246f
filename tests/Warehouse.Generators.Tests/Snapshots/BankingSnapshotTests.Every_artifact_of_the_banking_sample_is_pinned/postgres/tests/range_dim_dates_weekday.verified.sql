-- range test on gold.dim_dates(weekday), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE ("weekday" < 1 OR "weekday" > 7) AND date_key <> -1;
