{{ config(materialized='view', bind=False) }}
-- silver.stg_currencies__quarantine: the rows of bronze.dim_currencies that silver.stg_currencies leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_name" AS VARCHAR(65535))), '') AS "raw__currency_name",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_code" AS VARCHAR(65535))), '') AS "raw__currency_code",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_currencies') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__currency_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__currency_id" AS BIGINT) END AS "src__currency_id",
        CAST("raw__currency_name" AS VARCHAR(50)) AS "src__currency_name",
        CAST("raw__currency_code" AS VARCHAR(3)) AS "src__currency_code"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__currency_id" AS "out__currency_id",
        CAST(TRANSLATE("src__currency_code", 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') AS VARCHAR(3)) AS "out__currency_code",
        "src__currency_name" AS "out__currency_name"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'invalid_currency_id'
            WHEN LENGTH("raw__currency_name") > 50 THEN 'too_long_currency_name'
            WHEN LENGTH("raw__currency_code") > 3 THEN 'too_long_currency_code'
            WHEN "out__currency_id" IS NULL THEN 'missing_currency_id'
            WHEN "out__currency_code" IS NULL THEN 'missing_currency_code'
            WHEN "out__currency_name" IS NULL THEN 'missing_currency_name'
            WHEN NOT ((CAST((LEN("out__currency_code" || '.') - 1) AS INTEGER) = 3)) THEN 'iso_currency_code'
        END AS "__rule",
        CASE
            WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__currency_name") > 50 THEN 'currency_name is longer than 50 characters'
            WHEN LENGTH("raw__currency_code") > 3 THEN 'currency_code is longer than 3 characters'
            WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
            WHEN "out__currency_code" IS NULL THEN 'currency_code is required but missing'
            WHEN "out__currency_name" IS NULL THEN 'currency_name is required but missing'
            WHEN NOT ((CAST((LEN("out__currency_code" || '.') - 1) AS INTEGER) = 3)) THEN 'currency code must have three letters (ISO 4217)'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__currency_id" ORDER BY "_source_file" DESC, "raw__currency_id" DESC, "raw__currency_name" DESC, "raw__currency_code" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__currency_id" AS "currency_id",
    "raw__currency_name" AS "currency_name",
    "raw__currency_code" AS "currency_code",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same currency_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
