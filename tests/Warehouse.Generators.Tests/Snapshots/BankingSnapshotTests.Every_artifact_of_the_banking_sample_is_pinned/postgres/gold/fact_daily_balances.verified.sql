-- gold.fact_daily_balances: fact from Banking.Gold.FactDailyBalances
-- Daily balance snapshots: balances add up across accounts, never across days (semi-additive).
-- Grain: One row per balance snapshot of an account. (balance_id).
CREATE TABLE IF NOT EXISTS "gold"."fact_daily_balances" (
    "balance_id" BIGINT NOT NULL,
    "date_key" BIGINT NOT NULL,
    "account_key" BIGINT NOT NULL,
    "currency_key" BIGINT NOT NULL,
    "opening_balance" DECIMAL(18,2) NOT NULL,
    "closing_balance" DECIMAL(18,2) NOT NULL,
    "average_balance" DECIMAL(18,2) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_fact_daily_balances";
CREATE TEMPORARY TABLE "__batch_fact_daily_balances" AS
SELECT
    s."balance_id" AS "balance_id",
    COALESCE("d__date_key"."date_key", -1) AS "date_key",
    COALESCE("d__account_key"."account_key", -1) AS "account_key",
    COALESCE("d__currency_key"."currency_key", -1) AS "currency_key",
    s."opening_balance" AS "opening_balance",
    s."closing_balance" AS "closing_balance",
    s."average_balance" AS "average_balance",
    s."_batch_at"
FROM (
    SELECT *
    FROM "silver"."stg_daily_balances" AS s
    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.
    WHERE s."_batch_at" >= (SELECT COALESCE(MAX("_batch_at"), CAST('1900-01-01 00:00:00' AS TIMESTAMP)) FROM "gold"."fact_daily_balances")
        -- Re-key older facts on the unknown member or on a version that no longer covers their date.
        OR s."balance_id" IN (
            SELECT f."balance_id"
            FROM "gold"."fact_daily_balances" AS f
            JOIN "gold"."dim_dates" AS "c" ON "c"."date_key" = f."date_key"
            LEFT JOIN "gold"."dim_accounts" AS "v__account_key" ON "v__account_key"."account_key" = f."account_key"
            WHERE f."date_key" = -1
                OR f."account_key" = -1
                OR f."currency_key" = -1
                OR NOT (CAST("c"."date" AS TIMESTAMP) >= "v__account_key"."valid_from" AND CAST("c"."date" AS TIMESTAMP) < "v__account_key"."valid_to")
        )
) AS s
LEFT JOIN "gold"."dim_dates" AS "d__date_key"
    ON "d__date_key"."date_id" = s."date_id"
    AND "d__date_key"."date_key" <> -1
LEFT JOIN "gold"."dim_accounts" AS "d__account_key"
    ON "d__account_key"."account_id" = s."account_id"
    AND "d__account_key"."account_key" <> -1
    AND CAST("d__date_key"."date" AS TIMESTAMP) >= "d__account_key"."valid_from" AND CAST("d__date_key"."date" AS TIMESTAMP) < "d__account_key"."valid_to"
LEFT JOIN "gold"."dim_currencies" AS "d__currency_key"
    ON "d__currency_key"."currency_id" = s."currency_id"
    AND "d__currency_key"."currency_key" <> -1;
DELETE FROM "gold"."fact_daily_balances"
WHERE "balance_id" IN (SELECT "balance_id" FROM "__batch_fact_daily_balances");
INSERT INTO "gold"."fact_daily_balances" ("balance_id", "date_key", "account_key", "currency_key", "opening_balance", "closing_balance", "average_balance", "_batch_at")
SELECT "balance_id", "date_key", "account_key", "currency_key", "opening_balance", "closing_balance", "average_balance", "_batch_at"
FROM "__batch_fact_daily_balances";
DROP TABLE "__batch_fact_daily_balances";
