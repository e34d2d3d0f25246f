-- not_null test on gold.dim_currencies(currency_name), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_currencies"
WHERE "currency_name" IS NULL;
