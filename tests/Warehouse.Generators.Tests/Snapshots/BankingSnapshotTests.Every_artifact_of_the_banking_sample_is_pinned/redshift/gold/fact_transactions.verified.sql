-- gold.fact_transactions: fact from Banking.Gold.FactTransactions
-- Account transactions, with the account version valid on the transaction's day.
-- Grain: One row per bank transaction. (transaction_id).
CREATE TABLE IF NOT EXISTS "gold"."fact_transactions" (
    "transaction_id" BIGINT NOT NULL,
    "date_key" BIGINT NOT NULL,
    "transaction_type_key" BIGINT NOT NULL,
    "account_key" BIGINT NOT NULL,
    "channel_key" BIGINT NOT NULL,
    "location_key" BIGINT NOT NULL,
    "currency_key" BIGINT NOT NULL,
    "transaction_amount" DECIMAL(18,2) NOT NULL,
    "transaction_status" VARCHAR(20) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE KEY DISTKEY ("account_key")
COMPOUND SORTKEY ("date_key");
DROP TABLE IF EXISTS "__batch_fact_transactions";
CREATE TEMPORARY TABLE "__batch_fact_transactions" AS
SELECT
    s."transaction_id" AS "transaction_id",
    COALESCE("d__date_key"."date_key", -1) AS "date_key",
    COALESCE("d__transaction_type_key"."transaction_type_key", -1) AS "transaction_type_key",
    COALESCE("d__account_key"."account_key", -1) AS "account_key",
    COALESCE("d__channel_key"."channel_key", -1) AS "channel_key",
    COALESCE("d__location_key"."location_key", -1) AS "location_key",
    COALESCE("d__currency_key"."currency_key", -1) AS "currency_key",
    s."transaction_amount" AS "transaction_amount",
    s."transaction_status" AS "transaction_status",
    s."_batch_at"
FROM (
    SELECT *
    FROM "silver"."stg_transactions" AS s
    -- Silver rows of the latest batch gold has seen, and newer ones: a rerun re-merges the same rows.
    WHERE s."_batch_at" >= (SELECT COALESCE(MAX("_batch_at"), CAST('1900-01-01 00:00:00' AS TIMESTAMP)) FROM "gold"."fact_transactions")
        -- Re-key older facts on the unknown member or on a version that no longer covers their date.
        OR s."transaction_id" IN (
            SELECT f."transaction_id"
            FROM "gold"."fact_transactions" AS f
            JOIN "gold"."dim_dates" AS "c" ON "c"."date_key" = f."date_key"
            LEFT JOIN "gold"."dim_accounts" AS "v__account_key" ON "v__account_key"."account_key" = f."account_key"
            WHERE f."date_key" = -1
                OR f."transaction_type_key" = -1
                OR f."account_key" = -1
                OR f."channel_key" = -1
                OR f."location_key" = -1
                OR f."currency_key" = -1
                OR NOT (CAST("c"."date" AS TIMESTAMP) >= "v__account_key"."valid_from" AND CAST("c"."date" AS TIMESTAMP) < "v__account_key"."valid_to")
        )
) AS s
LEFT JOIN "gold"."dim_dates" AS "d__date_key"
    ON "d__date_key"."date_id" = s."date_id"
    AND "d__date_key"."date_key" <> -1
LEFT JOIN "gold"."dim_transaction_types" AS "d__transaction_type_key"
    ON "d__transaction_type_key"."transaction_type_id" = s."transaction_type_id"
    AND "d__transaction_type_key"."transaction_type_key" <> -1
LEFT JOIN "gold"."dim_accounts" AS "d__account_key"
    ON "d__account_key"."account_id" = s."account_id"
    AND "d__account_key"."account_key" <> -1
    AND CAST("d__date_key"."date" AS TIMESTAMP) >= "d__account_key"."valid_from" AND CAST("d__date_key"."date" AS TIMESTAMP) < "d__account_key"."valid_to"
LEFT JOIN "gold"."dim_channels" AS "d__channel_key"
    ON "d__channel_key"."channel_id" = s."channel_id"
    AND "d__channel_key"."channel_key" <> -1
LEFT JOIN "gold"."dim_locations" AS "d__location_key"
    ON "d__location_key"."location_id" = s."location_id"
    AND "d__location_key"."location_key" <> -1
LEFT JOIN "gold"."dim_currencies" AS "d__currency_key"
    ON "d__currency_key"."currency_id" = s."currency_id"
    AND "d__currency_key"."currency_key" <> -1;
DELETE FROM "gold"."fact_transactions"
WHERE "transaction_id" IN (SELECT "transaction_id" FROM "__batch_fact_transactions");
INSERT INTO "gold"."fact_transactions" ("transaction_id", "date_key", "transaction_type_key", "account_key", "channel_key", "location_key", "currency_key", "transaction_amount", "transaction_status", "_batch_at")
SELECT "transaction_id", "date_key", "transaction_type_key", "account_key", "channel_key", "location_key", "currency_key", "transaction_amount", "transaction_status", "_batch_at"
FROM "__batch_fact_transactions";
DROP TABLE "__batch_fact_transactions";
