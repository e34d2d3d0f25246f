-- silver.stg_transactions: staging from Banking.Silver.StgTransactions
CREATE TABLE IF NOT EXISTS "silver"."stg_transactions" (
    "transaction_id" BIGINT NOT NULL,
    "date_id" BIGINT NOT NULL,
    "transaction_type_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "channel_id" BIGINT NOT NULL,
    "location_id" BIGINT NOT NULL,
    "currency_id" BIGINT NOT NULL,
    "transaction_amount" DECIMAL(18,2) NOT NULL,
    "transaction_status" VARCHAR(20) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_transactions__quarantine" (
    "transaction_id" VARCHAR(65535),
    "date_id" VARCHAR(65535),
    "transaction_type_id" VARCHAR(65535),
    "account_id" VARCHAR(65535),
    "channel_id" VARCHAR(65535),
    "location_id" VARCHAR(65535),
    "currency_id" VARCHAR(65535),
    "transaction_amount" VARCHAR(65535),
    "transaction_status" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_transactions";
CREATE TEMPORARY TABLE "__batch_stg_transactions" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "transaction_id"), '') AS "raw__transaction_id",
        NULLIF(TRIM(BOTH ' ' FROM "date_id"), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM "transaction_type_id"), '') AS "raw__transaction_type_id",
        NULLIF(TRIM(BOTH ' ' FROM "account_id"), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM "channel_id"), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM "location_id"), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM "currency_id"), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM "transaction_amount"), '') AS "raw__transaction_amount",
        NULLIF(TRIM(BOTH ' ' FROM "transaction_status"), '') AS "raw__transaction_status",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."fact_transactions"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_transactions')
), "typed" AS MATERIALIZED (
    SELECT
        "raw".*,
        CASE WHEN "raw__transaction_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__transaction_id") AS BIGINT) END AS "src__transaction_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__date_id") AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__transaction_type_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__transaction_type_id") AS BIGINT) END AS "src__transaction_type_id",
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__account_id") AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__channel_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__channel_id") AS BIGINT) END AS "src__channel_id",
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__location_id") AS BIGINT) END AS "src__location_id",
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("_warehouse"."try_bigint"("raw__currency_id") AS BIGINT) END AS "src__currency_id",
        CASE WHEN "raw__transaction_amount" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("_warehouse"."try_decimal"("raw__transaction_amount", 18, 2) AS DECIMAL(18,2)) END AS "src__transaction_amount",
        CAST("raw__transaction_status" AS VARCHAR(20)) AS "src__transaction_status"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__transaction_id" AS "out__transaction_id",
        "src__date_id" AS "out__date_id",
        "src__transaction_type_id" AS "out__transaction_type_id",
        "src__account_id" AS "out__account_id",
        "src__channel_id" AS "out__channel_id",
        "src__location_id" AS "out__location_id",
        "src__currency_id" AS "out__currency_id",
        "src__transaction_amount" AS "out__transaction_amount",
        "src__transaction_status" AS "out__transaction_status"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__transaction_id" IS NOT NULL AND "src__transaction_id" IS NULL THEN 'invalid_transaction_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__transaction_type_id" IS NOT NULL AND "src__transaction_type_id" IS NULL THEN 'invalid_transaction_type_id'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'invalid_channel_id'
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'invalid_location_id'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN "raw__transaction_amount" IS NOT NULL AND "src__transaction_amount" IS NULL THEN 'invalid_transaction_amount'
            WHEN LENGTH("raw__transaction_status") > 20 THEN 'too_long_transaction_status'
            WHEN "out__transaction_id" IS NULL THEN 'missing_transaction_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__transaction_type_id" IS NULL THEN 'missing_transaction_type_id'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__channel_id" IS NULL THEN 'missing_channel_id'
            WHEN "out__location_id" IS NULL THEN 'missing_location_id'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__transaction_amount" IS NULL THEN 'missing_transaction_amount'
            WHEN "out__transaction_status" IS NULL THEN 'missing_transaction_status'
            WHEN NOT (("out__transaction_amount" > 0)) THEN 'positive_amount'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__transaction_id",
    "raw__date_id",
    "raw__transaction_type_id",
    "raw__account_id",
    "raw__channel_id",
    "raw__location_id",
    "raw__currency_id",
    "raw__transaction_amount",
    "raw__transaction_status",
    "out__transaction_id",
    "out__date_id",
    "out__transaction_type_id",
    "out__account_id",
    "out__channel_id",
    "out__location_id",
    "out__currency_id",
    "out__transaction_amount",
    "out__transaction_status",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__transaction_id" IS NOT NULL AND "src__transaction_id" IS NULL THEN 'transaction_id: ''' || "raw__transaction_id" || ''' is not a valid BIGINT'
        WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
        WHEN "raw__transaction_type_id" IS NOT NULL AND "src__transaction_type_id" IS NULL THEN 'transaction_type_id: ''' || "raw__transaction_type_id" || ''' is not a valid BIGINT'
        WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
        WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'channel_id: ''' || "raw__channel_id" || ''' is not a valid BIGINT'
        WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
        WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
        WHEN "raw__transaction_amount" IS NOT NULL AND "src__transaction_amount" IS NULL THEN 'transaction_amount: ''' || "raw__transaction_amount" || ''' is not a valid DECIMAL(18,2)'
        WHEN LENGTH("raw__transaction_status") > 20 THEN 'transaction_status is longer than 20 characters'
        WHEN "out__transaction_id" IS NULL THEN 'transaction_id is required but missing'
        WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
        WHEN "out__transaction_type_id" IS NULL THEN 'transaction_type_id is required but missing'
        WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
        WHEN "out__channel_id" IS NULL THEN 'channel_id is required but missing'
        WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
        WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
        WHEN "out__transaction_amount" IS NULL THEN 'transaction_amount is required but missing'
        WHEN "out__transaction_status" IS NULL THEN 'transaction_status is required but missing'
        WHEN NOT (("out__transaction_amount" > 0)) THEN 'a transaction amount must be positive'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__transaction_id" ORDER BY "_source_file" COLLATE "C" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_transactions__quarantine" ("transaction_id", "date_id", "transaction_type_id", "account_id", "channel_id", "location_id", "currency_id", "transaction_amount", "transaction_status", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__transaction_id", "raw__date_id", "raw__transaction_type_id", "raw__account_id", "raw__channel_id", "raw__location_id", "raw__currency_id", "raw__transaction_amount", "raw__transaction_status", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same transaction_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_transactions"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_transactions"
WHERE "transaction_id" IN (SELECT "out__transaction_id" FROM "__batch_stg_transactions" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_transactions" ("transaction_id", "date_id", "transaction_type_id", "account_id", "channel_id", "location_id", "currency_id", "transaction_amount", "transaction_status", "_source_file", "_batch_at")
SELECT "out__transaction_id", "out__date_id", "out__transaction_type_id", "out__account_id", "out__channel_id", "out__location_id", "out__currency_id", "out__transaction_amount", "out__transaction_status", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_transactions"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_transactions', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_transactions"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_transactions";
