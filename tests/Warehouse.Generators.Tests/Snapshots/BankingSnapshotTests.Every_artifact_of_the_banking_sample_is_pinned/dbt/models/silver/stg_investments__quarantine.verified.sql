{{ config(materialized='view', bind=False) }}
-- silver.stg_investments__quarantine: the rows of bronze.fact_investments that silver.stg_investments leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("investment_id" AS VARCHAR(65535))), '') AS "raw__investment_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("investment_type_id" AS VARCHAR(65535))), '') AS "raw__investment_type_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("account_id" AS VARCHAR(65535))), '') AS "raw__account_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("location_id" AS VARCHAR(65535))), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("investment_amount" AS VARCHAR(65535))), '') AS "raw__investment_amount",
        NULLIF(TRIM(BOTH ' ' FROM CAST("investment_return" AS VARCHAR(65535))), '') AS "raw__investment_return",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'fact_investments') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__investment_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__investment_id" AS BIGINT) END AS "src__investment_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__investment_type_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__investment_type_id" AS BIGINT) END AS "src__investment_type_id",
        CASE WHEN "raw__account_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__account_id" AS BIGINT) END AS "src__account_id",
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CASE WHEN "raw__investment_amount" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__investment_amount" AS DECIMAL(18,2)) END AS "src__investment_amount",
        CASE WHEN "raw__investment_return" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__investment_return" AS DECIMAL(18,2)) END AS "src__investment_return"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__investment_id" AS "out__investment_id",
        "src__date_id" AS "out__date_id",
        "src__investment_type_id" AS "out__investment_type_id",
        "src__account_id" AS "out__account_id",
        "src__location_id" AS "out__location_id",
        "src__currency_id" AS "out__currency_id",
        "src__investment_amount" AS "out__investment_amount",
        "src__investment_return" AS "out__investment_return"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__investment_id" IS NOT NULL AND "src__investment_id" IS NULL THEN 'invalid_investment_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__investment_type_id" IS NOT NULL AND "src__investment_type_id" IS NULL THEN 'invalid_investment_type_id'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'invalid_account_id'
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'invalid_location_id'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN "raw__investment_amount" IS NOT NULL AND "src__investment_amount" IS NULL THEN 'invalid_investment_amount'
            WHEN "raw__investment_return" IS NOT NULL AND "src__investment_return" IS NULL THEN 'invalid_investment_return'
            WHEN "out__investment_id" IS NULL THEN 'missing_investment_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__investment_type_id" IS NULL THEN 'missing_investment_type_id'
            WHEN "out__account_id" IS NULL THEN 'missing_account_id'
            WHEN "out__location_id" IS NULL THEN 'missing_location_id'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__investment_amount" IS NULL THEN 'missing_investment_amount'
            WHEN "out__investment_return" IS NULL THEN 'missing_investment_return'
            WHEN NOT (("out__investment_amount" > 0)) THEN 'positive_investment'
        END AS "__rule",
        CASE
            WHEN "raw__investment_id" IS NOT NULL AND "src__investment_id" IS NULL THEN 'investment_id: ''' || "raw__investment_id" || ''' is not a valid BIGINT'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
            WHEN "raw__investment_type_id" IS NOT NULL AND "src__investment_type_id" IS NULL THEN 'investment_type_id: ''' || "raw__investment_type_id" || ''' is not a valid BIGINT'
            WHEN "raw__account_id" IS NOT NULL AND "src__account_id" IS NULL THEN 'account_id: ''' || "raw__account_id" || ''' is not a valid BIGINT'
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
            WHEN "raw__investment_amount" IS NOT NULL AND "src__investment_amount" IS NULL THEN 'investment_amount: ''' || "raw__investment_amount" || ''' is not a valid DECIMAL(18,2)'
            WHEN "raw__investment_return" IS NOT NULL AND "src__investment_return" IS NULL THEN 'investment_return: ''' || "raw__investment_return" || ''' is not a valid DECIMAL(18,2)'
            WHEN "out__investment_id" IS NULL THEN 'investment_id is required but missing'
            WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
            WHEN "out__investment_type_id" IS NULL THEN 'investment_type_id is required but missing'
            WHEN "out__account_id" IS NULL THEN 'account_id is required but missing'
            WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
            WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
            WHEN "out__investment_amount" IS NULL THEN 'investment_amount is required but missing'
            WHEN "out__investment_return" IS NULL THEN 'investment_return is required but missing'
            WHEN NOT (("out__investment_amount" > 0)) THEN 'an investment amount must be positive'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__investment_id" ORDER BY "_source_file" DESC, "raw__investment_id" DESC, "raw__date_id" DESC, "raw__investment_type_id" DESC, "raw__account_id" DESC, "raw__location_id" DESC, "raw__currency_id" DESC, "raw__investment_amount" DESC, "raw__investment_return" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__investment_id" AS "investment_id",
    "raw__date_id" AS "date_id",
    "raw__investment_type_id" AS "investment_type_id",
    "raw__account_id" AS "account_id",
    "raw__location_id" AS "location_id",
    "raw__currency_id" AS "currency_id",
    "raw__investment_amount" AS "investment_amount",
    "raw__investment_return" AS "investment_return",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same investment_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
