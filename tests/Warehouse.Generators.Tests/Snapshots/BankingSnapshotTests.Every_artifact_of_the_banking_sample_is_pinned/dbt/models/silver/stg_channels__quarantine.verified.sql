{{ config(materialized='view', bind=False) }}
-- silver.stg_channels__quarantine: the rows of bronze.dim_channels that silver.stg_channels leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("channel_id" AS VARCHAR(65535))), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("channel_name" AS VARCHAR(65535))), '') AS "raw__channel_name",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_channels') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__channel_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__channel_id" AS BIGINT) END AS "src__channel_id",
        CAST("raw__channel_name" AS VARCHAR(50)) AS "src__channel_name"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__channel_id" AS "out__channel_id",
        "src__channel_name" AS "out__channel_name"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'invalid_channel_id'
            WHEN LENGTH("raw__channel_name") > 50 THEN 'too_long_channel_name'
            WHEN "out__channel_id" IS NULL THEN 'missing_channel_id'
            WHEN "out__channel_name" IS NULL THEN 'missing_channel_name'
        END AS "__rule",
        CASE
            WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'channel_id: ''' || "raw__channel_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__channel_name") > 50 THEN 'channel_name is longer than 50 characters'
            WHEN "out__channel_id" IS NULL THEN 'channel_id is required but missing'
            WHEN "out__channel_name" IS NULL THEN 'channel_name is required but missing'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__channel_id" ORDER BY "_source_file" DESC, "raw__channel_id" DESC, "raw__channel_name" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__channel_id" AS "channel_id",
    "raw__channel_name" AS "channel_name",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same channel_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
