{{ config(materialized='view', bind=False) }}
-- silver.stg_daily_balances__quarantine: the rows of bronze.fact_daily_balances that silver.stg_daily_balances leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("balance_id" AS VARCHAR(65535))), '') AS "raw__balance_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("account_id" AS VARCHAR(65535))), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("opening_balance" AS VARCHAR(65535))), '') AS "raw__opening_balance",
        NULLIF(TRIM(BOTH ' ' FROM CAST("closing_balance" AS VARCHAR(65535))), '') AS "raw__closing_balance",
        NULLIF(TRIM(BOTH ' ' FROM CAST("average_balance" AS VARCHAR(65535))), '') AS "raw__average_balance",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'fact_daily_balances') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__balance_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__balance_id" AS BIGINT) END AS "src__balance_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__account_id" AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CASE WHEN "raw__opening_balance" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__opening_balance" AS DECIMAL(18,2)) END AS "src__opening_balance",
        CASE WHEN "raw__closing_balance" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__closing_balance" AS DECIMAL(18,2)) END AS "src__closing_balance",
        CASE WHEN "raw__average_balance" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__average_balance" AS DECIMAL(18,2)) END AS "src__average_balance"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__balance_id" AS "out__balance_id",
        "src__date_id" AS "out__date_id",
        "src__account_id" AS "out__account_id",
        "src__currency_id" AS "out__currency_id",
        "src__opening_balance" AS "out__opening_balance",
        "src__closing_balance" AS "out__closing_balance",
        "src__average_balance" AS "out__average_balance"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__balance_id" IS NOT NULL AND "src__balance_id" IS NULL THEN 'invalid_balance_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN "raw__opening_balance" IS NOT NULL AND "src__opening_balance" IS NULL THEN 'invalid_opening_balance'
            WHEN "raw__closing_balance" IS NOT NULL AND "src__closing_balance" IS NULL THEN 'invalid_closing_balance'
            WHEN "raw__average_balance" IS NOT NULL AND "src__average_balance" IS NULL THEN 'invalid_average_balance'
            WHEN "out__balance_id" IS NULL THEN 'missing_balance_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__opening_balance" IS NULL THEN 'missing_opening_balance'
            WHEN "out__closing_balance" IS NULL THEN 'missing_closing_balance'
            WHEN "out__average_balance" IS NULL THEN 'missing_average_balance'
        END AS "__rule",
        CASE
            WHEN "raw__balance_id" IS NOT NULL AND "src__balance_id" IS NULL THEN 'balance_id: ''' || "raw__balance_id" || ''' is not a valid BIGINT'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
            WHEN "raw__opening_balance" IS NOT NULL AND "src__opening_balance" IS NULL THEN 'opening_balance: ''' || "raw__opening_balance" || ''' is not a valid DECIMAL(18,2)'
            WHEN "raw__closing_balance" IS NOT NULL AND "src__closing_balance" IS NULL THEN 'closing_balance: ''' || "raw__closing_balance" || ''' is not a valid DECIMAL(18,2)'
            WHEN "raw__average_balance" IS NOT NULL AND "src__average_balance" IS NULL THEN 'average_balance: ''' || "raw__average_balance" || ''' is not a valid DECIMAL(18,2)'
            WHEN "out__balance_id" IS NULL THEN 'balance_id is required but missing'
            WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
            WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
            WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
            WHEN "out__opening_balance" IS NULL THEN 'opening_balance is required but missing'
            WHEN "out__closing_balance" IS NULL THEN 'closing_balance is required but missing'
            WHEN "out__average_balance" IS NULL THEN 'average_balance is required but missing'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__balance_id" ORDER BY "_source_file" DESC, "raw__balance_id" DESC, "raw__date_id" DESC, "raw__account_id" DESC, "raw__currency_id" DESC, "raw__opening_balance" DESC, "raw__closing_balance" DESC, "raw__average_balance" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__balance_id" AS "balance_id",
    "raw__date_id" AS "date_id",
    "raw__account_id" AS "account_id",
    "raw__currency_id" AS "currency_id",
    "raw__opening_balance" AS "opening_balance",
    "raw__closing_balance" AS "closing_balance",
    "raw__average_balance" AS "average_balance",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same balance_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
