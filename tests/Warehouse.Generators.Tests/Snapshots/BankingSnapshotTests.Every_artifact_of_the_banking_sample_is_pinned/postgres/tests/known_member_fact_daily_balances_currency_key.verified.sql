-- known_member test on gold.fact_daily_balances(currency_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "currency_key" = -1;
