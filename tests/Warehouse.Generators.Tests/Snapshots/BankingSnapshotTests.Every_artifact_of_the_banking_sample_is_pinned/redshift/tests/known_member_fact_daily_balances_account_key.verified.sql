-- known_member test on gold.fact_daily_balances(account_key), severity warn: returns the failing rows.
-- Rows whose dimension member was missing or late: counted, never dropped.
SELECT *
FROM "gold"."fact_daily_balances"
WHERE "account_key" = -1;
