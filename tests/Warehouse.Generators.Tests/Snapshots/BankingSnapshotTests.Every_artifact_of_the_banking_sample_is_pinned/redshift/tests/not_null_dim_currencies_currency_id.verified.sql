-- not_null test on gold.dim_currencies(currency_id), severity error: returns the failing rows.
SELECT *
FROM "gold"."dim_currencies"
WHERE "currency_id" IS NULL;
