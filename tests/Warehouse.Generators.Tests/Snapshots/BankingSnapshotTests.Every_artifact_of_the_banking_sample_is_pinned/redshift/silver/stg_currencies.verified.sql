-- silver.stg_currencies: staging from Banking.Silver.StgCurrencies
CREATE TABLE IF NOT EXISTS "silver"."stg_currencies" (
    "currency_id" BIGINT NOT NULL,
    "currency_code" VARCHAR(3) NOT NULL,
    "currency_name" VARCHAR(50) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("currency_id");
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_currencies__quarantine" (
    "currency_id" VARCHAR(65535),
    "currency_name" VARCHAR(65535),
    "currency_code" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_currencies";
CREATE TEMPORARY TABLE "__batch_stg_currencies" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_id" AS VARCHAR(65535))), '') AS "raw__currency_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_name" AS VARCHAR(65535))), '') AS "raw__currency_name",
        NULLIF(TRIM(BOTH ' ' FROM CAST("currency_code" AS VARCHAR(65535))), '') AS "raw__currency_code",
        "$path" AS "_source_file"
    FROM "bronze"."dim_currencies"
    WHERE "$path" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_currencies')
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
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__currency_id",
    "raw__currency_name",
    "raw__currency_code",
    "out__currency_id",
    "out__currency_code",
    "out__currency_name",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__currency_id" IS NOT NULL AND "src__currency_id" IS NULL THEN 'currency_id: ''' || "raw__currency_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__currency_name") > 50 THEN 'currency_name is longer than 50 characters'
        WHEN LENGTH("raw__currency_code") > 3 THEN 'currency_code is longer than 3 characters'
        WHEN "out__currency_id" IS NULL THEN 'currency_id is required but missing'
        WHEN "out__currency_code" IS NULL THEN 'currency_code is required but missing'
        WHEN "out__currency_name" IS NULL THEN 'currency_name is required but missing'
        WHEN NOT ((CAST((LEN("out__currency_code" || '.') - 1) AS INTEGER) = 3)) THEN 'currency code must have three letters (ISO 4217)'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__currency_id" ORDER BY "_source_file" DESC, "raw__currency_id" DESC, "raw__currency_name" DESC, "raw__currency_code" DESC) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_currencies__quarantine" ("currency_id", "currency_name", "currency_code", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__currency_id", "raw__currency_name", "raw__currency_code", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same currency_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_currencies"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_currencies"
WHERE "currency_id" IN (SELECT "out__currency_id" FROM "__batch_stg_currencies" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_currencies" ("currency_id", "currency_code", "currency_name", "_source_file", "_batch_at")
SELECT "out__currency_id", "out__currency_code", "out__currency_name", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_currencies"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_currencies', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_currencies"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_currencies";
