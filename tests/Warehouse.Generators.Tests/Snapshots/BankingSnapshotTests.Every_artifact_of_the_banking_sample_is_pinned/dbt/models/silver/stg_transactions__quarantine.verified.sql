{{ config(materialized='view', bind=False) }}
-- silver.stg_transactions__quarantine: the rows of bronze.fact_transactions that silver.stg_transactions leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_id" AS VARCHAR(65535))), '') AS "raw__transaction_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_type_id" AS VARCHAR(65535))), '') AS "raw__transaction_type_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("account_id" AS VARCHAR(65535))), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("channel_id" AS VARCHAR(65535))), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("location_id" AS VARCHAR(65535))), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_amount" AS VARCHAR(65535))), '') AS "raw__transaction_amount",
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_status" AS VARCHAR(65535))), '') AS "raw__transaction_status",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'fact_transactions') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__transaction_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__transaction_id" AS BIGINT) END AS "src__transaction_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__transaction_type_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__transaction_type_id" AS BIGINT) END AS "src__transaction_type_id",
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__account_id" AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__channel_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__channel_id" AS BIGINT) END AS "src__channel_id",
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CASE WHEN "raw__transaction_amount" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__transaction_amount" AS DECIMAL(18,2)) END AS "src__transaction_amount",
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
        END AS "__rule",
        CASE
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
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__transaction_id" ORDER BY "_source_file" DESC, "raw__transaction_id" DESC, "raw__date_id" DESC, "raw__transaction_type_id" DESC, "raw__account_id" DESC, "raw__channel_id" DESC, "raw__location_id" DESC, "raw__currency_id" DESC, "raw__transaction_amount" DESC, "raw__transaction_status" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__transaction_id" AS "transaction_id",
    "raw__date_id" AS "date_id",
    "raw__transaction_type_id" AS "transaction_type_id",
    "raw__account_id" AS "account_id",
    "raw__channel_id" AS "channel_id",
    "raw__location_id" AS "location_id",
    "raw__currency_id" AS "currency_id",
    "raw__transaction_amount" AS "transaction_amount",
    "raw__transaction_status" AS "transaction_status",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same transaction_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
