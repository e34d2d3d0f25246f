-- test.no_duplicate_current_currency: singulartest from Banking.Gold.NoDuplicateCurrentCurrency
-- No currency code appears twice among the current currencies.
SELECT
    currency_code,
    COUNT(*) AS occurrences
FROM "gold"."dim_currencies"
WHERE currency_key <> -1
GROUP BY currency_code
HAVING COUNT(*) > 1;
