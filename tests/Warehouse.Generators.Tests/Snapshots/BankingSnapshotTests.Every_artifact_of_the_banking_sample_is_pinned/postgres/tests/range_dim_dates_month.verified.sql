-- range test on gold.dim_dates(month), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_dates"
WHERE ("month" < 1 OR "month" > 12) AND date_key <> -1;
