{{ config(materialized='view', bind=False) }}
-- silver.stg_customers__quarantine: the rows of bronze.dim_customers that silver.stg_customers leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("customer_id" AS VARCHAR(65535))), '') AS "raw__customer_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("address" AS VARCHAR(65535))), '') AS "raw__address",
        NULLIF(TRIM(BOTH ' ' FROM CAST("city" AS VARCHAR(65535))), '') AS "raw__city",
        NULLIF(TRIM(BOTH ' ' FROM CAST("state" AS VARCHAR(65535))), '') AS "raw__state",
        NULLIF(TRIM(BOTH ' ' FROM CAST("postal_code" AS VARCHAR(65535))), '') AS "raw__postal_code",
        NULLIF(TRIM(BOTH ' ' FROM CAST("phone_number" AS VARCHAR(65535))), '') AS "raw__phone_number",
        NULLIF(TRIM(BOTH ' ' FROM CAST("first_name" AS VARCHAR(65535))), '') AS "raw__first_name",
        NULLIF(TRIM(BOTH ' ' FROM CAST("last_name" AS VARCHAR(65535))), '') AS "raw__last_name",
        NULLIF(TRIM(BOTH ' ' FROM CAST("email" AS VARCHAR(65535))), '') AS "raw__email",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_customers') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__customer_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__customer_id" AS BIGINT) END AS "src__customer_id",
        CAST("raw__address" AS VARCHAR(300)) AS "src__address",
        CAST("raw__city" AS VARCHAR(100)) AS "src__city",
        CAST("raw__state" AS VARCHAR(100)) AS "src__state",
        CAST("raw__postal_code" AS VARCHAR(20)) AS "src__postal_code",
        CAST("raw__phone_number" AS VARCHAR(40)) AS "src__phone_number",
        CAST("raw__first_name" AS VARCHAR(100)) AS "src__first_name",
        CAST("raw__last_name" AS VARCHAR(100)) AS "src__last_name",
        CAST("raw__email" AS VARCHAR(200)) AS "src__email"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__customer_id" AS "out__customer_id",
        CAST(INITCAP("src__first_name") AS VARCHAR(100)) AS "out__first_name",
        CAST(INITCAP("src__last_name") AS VARCHAR(100)) AS "out__last_name",
        CAST(((INITCAP("src__first_name") || ' ') || INITCAP("src__last_name")) AS VARCHAR(201)) AS "out__full_name",
        CAST(TRANSLATE("src__email", 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ') AS VARCHAR(200)) AS "out__email",
        "src__address" AS "out__address",
        "src__city" AS "out__city",
        "src__state" AS "out__state",
        "src__postal_code" AS "out__postal_code",
        "src__phone_number" AS "out__phone_number"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'invalid_customer_id'
            WHEN LENGTH("raw__address") > 300 THEN 'too_long_address'
            WHEN LENGTH("raw__city") > 100 THEN 'too_long_city'
            WHEN LENGTH("raw__state") > 100 THEN 'too_long_state'
            WHEN LENGTH("raw__postal_code") > 20 THEN 'too_long_postal_code'
            WHEN LENGTH("raw__phone_number") > 40 THEN 'too_long_phone_number'
            WHEN LENGTH("raw__first_name") > 100 THEN 'too_long_first_name'
            WHEN LENGTH("raw__last_name") > 100 THEN 'too_long_last_name'
            WHEN LENGTH("raw__email") > 200 THEN 'too_long_email'
            WHEN "out__customer_id" IS NULL THEN 'missing_customer_id'
            WHEN "out__first_name" IS NULL THEN 'missing_first_name'
            WHEN "out__last_name" IS NULL THEN 'missing_last_name'
            WHEN "out__full_name" IS NULL THEN 'missing_full_name'
        END AS "__rule",
        CASE
            WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'customer_id: ''' || "raw__customer_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__address") > 300 THEN 'address is longer than 300 characters'
            WHEN LENGTH("raw__city") > 100 THEN 'city is longer than 100 characters'
            WHEN LENGTH("raw__state") > 100 THEN 'state is longer than 100 characters'
            WHEN LENGTH("raw__postal_code") > 20 THEN 'postal_code is longer than 20 characters'
            WHEN LENGTH("raw__phone_number") > 40 THEN 'phone_number is longer than 40 characters'
            WHEN LENGTH("raw__first_name") > 100 THEN 'first_name is longer than 100 characters'
            WHEN LENGTH("raw__last_name") > 100 THEN 'last_name is longer than 100 characters'
            WHEN LENGTH("raw__email") > 200 THEN 'email is longer than 200 characters'
            WHEN "out__customer_id" IS NULL THEN 'customer_id is required but missing'
            WHEN "out__first_name" IS NULL THEN 'first_name is required but missing'
            WHEN "out__last_name" IS NULL THEN 'last_name is required but missing'
            WHEN "out__full_name" IS NULL THEN 'full_name is required but missing'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__customer_id" ORDER BY "_source_file" DESC, "raw__customer_id" DESC, "raw__address" DESC, "raw__city" DESC, "raw__state" DESC, "raw__postal_code" DESC, "raw__phone_number" DESC, "raw__first_name" DESC, "raw__last_name" DESC, "raw__email" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__customer_id" AS "customer_id",
    "raw__address" AS "address",
    "raw__city" AS "city",
    "raw__state" AS "state",
    "raw__postal_code" AS "postal_code",
    "raw__phone_number" AS "phone_number",
    "raw__first_name" AS "first_name",
    "raw__last_name" AS "last_name",
    "raw__email" AS "email",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same customer_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
