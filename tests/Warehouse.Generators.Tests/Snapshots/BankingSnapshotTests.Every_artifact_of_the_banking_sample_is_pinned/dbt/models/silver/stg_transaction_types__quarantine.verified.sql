{{ config(materialized='view', bind=False) }}
-- silver.stg_transaction_types__quarantine: the rows of bronze.dim_transaction_types that silver.stg_transaction_types leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_type_id" AS VARCHAR(65535))), '') AS "raw__transaction_type_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("transaction_type_name" AS VARCHAR(65535))), '') AS "raw__transaction_type_name",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_transaction_types') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__transaction_type_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__transaction_type_id" AS BIGINT) END AS "src__transaction_type_id",
        CAST("raw__transaction_type_name" AS VARCHAR(50)) AS "src__transaction_type_name"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__transaction_type_id" AS "out__transaction_type_id",
        "src__transaction_type_name" AS "out__transaction_type_name"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__transaction_type_id" IS NOT NULL AND "src__transaction_type_id" IS NULL THEN 'invalid_transaction_type_id'
            WHEN LENGTH("raw__transaction_type_name") > 50 THEN 'too_long_transaction_type_name'
            WHEN "out__transaction_type_id" IS NULL THEN 'missing_transaction_type_id'
            WHEN "out__transaction_type_name" IS NULL THEN 'missing_transaction_type_name'
        END AS "__rule",
        CASE
            WHEN "raw__transaction_type_id" IS NOT NULL AND "src__transaction_type_id" IS NULL THEN 'transaction_type_id: ''' || "raw__transaction_type_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__transaction_type_name") > 50 THEN 'transaction_type_name is longer than 50 characters'
            WHEN "out__transaction_type_id" IS NULL THEN 'transaction_type_id is required but missing'
            WHEN "out__transaction_type_name" IS NULL THEN 'transaction_type_name is required but missing'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__transaction_type_id" ORDER BY "_source_file" DESC, "raw__transaction_type_id" DESC, "raw__transaction_type_name" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__transaction_type_id" AS "transaction_type_id",
    "raw__transaction_type_name" AS "transaction_type_name",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same transaction_type_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
