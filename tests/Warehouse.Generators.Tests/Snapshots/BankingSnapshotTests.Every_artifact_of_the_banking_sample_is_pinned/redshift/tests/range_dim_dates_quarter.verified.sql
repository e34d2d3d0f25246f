-- range test on gold.dim_dates(quarter), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE ("quarter" < 1 OR "quarter" > 4) AND date_key <> -1;
