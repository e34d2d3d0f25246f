-- range test on gold.dim_dates(day), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE ("day" < 1 OR "day" > 31) AND date_key <> -1;
