-- silver.stg_customers: staging from Banking.Silver.StgCustomers
-- Customers with normalised names and e-mail addresses.
CREATE TABLE IF NOT EXISTS "silver"."stg_customers" (
    "customer_id" BIGINT NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "full_name" VARCHAR(201) NOT NULL,
    "email" VARCHAR(200),
    "address" VARCHAR(300),
    "city" VARCHAR(100),
    "state" VARCHAR(100),
    "postal_code" VARCHAR(20),
    "phone_number" VARCHAR(40),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_customers__quarantine" (
    "customer_id" VARCHAR(65535),
    "address" VARCHAR(65535),
    "city" VARCHAR(65535),
    "state" VARCHAR(65535),
    "postal_code" VARCHAR(65535),
    "phone_number" VARCHAR(65535),
    "first_name" VARCHAR(65535),
    "last_name" VARCHAR(65535),
    "email" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_customers";
CREATE TEMPORARY TABLE "__batch_stg_customers" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "customer_id"), '') AS "raw__customer_id",
        NULLIF(TRIM(BOTH ' ' FROM "address"), '') AS "raw__address",
        NULLIF(TRIM(BOTH ' ' FROM "city"), '') AS "raw__city",
        NULLIF(TRIM(BOTH ' ' FROM "state"), '') AS "raw__state",
        NULLIF(TRIM(BOTH ' ' FROM "postal_code"), '') AS "raw__postal_code",
        NULLIF(TRIM(BOTH ' ' FROM "phone_number"), '') AS "raw__phone_number",
        NULLIF(TRIM(BOTH ' ' FROM "first_name"), '') AS "raw__first_name",
        NULLIF(TRIM(BOTH ' ' FROM "last_name"), '') AS "raw__last_name",
        NULLIF(TRIM(BOTH ' ' FROM "email"), '') AS "raw__email",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_customers"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_customers')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__customer_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__customer_id" AS BIGINT) END AS "src__customer_id",
        TRY_CAST("raw__address" AS VARCHAR(300)) AS "src__address",
        TRY_CAST("raw__city" AS VARCHAR(100)) AS "src__city",
        TRY_CAST("raw__state" AS VARCHAR(100)) AS "src__state",
        TRY_CAST("raw__postal_code" AS VARCHAR(20)) AS "src__postal_code",
        TRY_CAST("raw__phone_number" AS VARCHAR(40)) AS "src__phone_number",
        TRY_CAST("raw__first_name" AS VARCHAR(100)) AS "src__first_name",
        TRY_CAST("raw__last_name" AS VARCHAR(100)) AS "src__last_name",
        TRY_CAST("raw__email" AS VARCHAR(200)) AS "src__email"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__customer_id" AS "out__customer_id",
        CAST(ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL("src__first_name", '[0-9A-Za-zÀ-ÖØ-öø-ɏ]+|[^0-9A-Za-zÀ-ÖØ-öø-ɏ]+'), w -> CASE WHEN REGEXP_MATCHES(w, '^[0-9A-Za-zÀ-ÖØ-öø-ɏ]') THEN TRANSLATE(w[1], 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') || TRANSLATE(w[2:], 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ') ELSE w END), '') AS VARCHAR(100)) AS "out__first_name",
        CAST(ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL("src__last_name", '[0-9A-Za-zÀ-ÖØ-öø-ɏ]+|[^0-9A-Za-zÀ-ÖØ-öø-ɏ]+'), w -> CASE WHEN REGEXP_MATCHES(w, '^[0-9A-Za-zÀ-ÖØ-öø-ɏ]') THEN TRANSLATE(w[1], 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') || TRANSLATE(w[2:], 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ') ELSE w END), '') AS VARCHAR(100)) AS "out__last_name",
        CAST(CAST((CAST((ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL("src__first_name", '[0-9A-Za-zÀ-ÖØ-öø-ɏ]+|[^0-9A-Za-zÀ-ÖØ-öø-ɏ]+'), w -> CASE WHEN REGEXP_MATCHES(w, '^[0-9A-Za-zÀ-ÖØ-öø-ɏ]') THEN TRANSLATE(w[1], 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') || TRANSLATE(w[2:], 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ') ELSE w END), '') || ' ') AS VARCHAR) || ARRAY_TO_STRING(LIST_TRANSFORM(REGEXP_EXTRACT_ALL("src__last_name", '[0-9A-Za-zÀ-ÖØ-öø-ɏ]+|[^0-9A-Za-zÀ-ÖØ-öø-ɏ]+'), w -> CASE WHEN REGEXP_MATCHES(w, '^[0-9A-Za-zÀ-ÖØ-öø-ɏ]') THEN TRANSLATE(w[1], 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ') || TRANSLATE(w[2:], 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽɃƂƄƇƋƑǶƘȽȠƠƢƤƧƬƯƳƵƸƼǷǄǇǊǍǏǑǓǕǗǙǛƎǞǠǢǤǦǨǪǬǮǱǴǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȢȤȦȨȪȬȮȰȲȻɁɆɈɊɌɎ', 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžƀƃƅƈƌƒƕƙƚƞơƣƥƨƭưƴƶƹƽƿǆǉǌǎǐǒǔǖǘǚǜǝǟǡǣǥǧǩǫǭǯǳǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟȣȥȧȩȫȭȯȱȳȼɂɇɉɋɍɏ') ELSE w END), '')) AS VARCHAR) AS VARCHAR(201)) AS "out__full_name",
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
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__customer_id",
    "raw__address",
    "raw__city",
    "raw__state",
    "raw__postal_code",
    "raw__phone_number",
    "raw__first_name",
    "raw__last_name",
    "raw__email",
    "out__customer_id",
    "out__first_name",
    "out__last_name",
    "out__full_name",
    "out__email",
    "out__address",
    "out__city",
    "out__state",
    "out__postal_code",
    "out__phone_number",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
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
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__customer_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_customers__quarantine" ("customer_id", "address", "city", "state", "postal_code", "phone_number", "first_name", "last_name", "email", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__customer_id", "raw__address", "raw__city", "raw__state", "raw__postal_code", "raw__phone_number", "raw__first_name", "raw__last_name", "raw__email", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same customer_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_customers"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_customers"
WHERE "customer_id" IN (SELECT "out__customer_id" FROM "__batch_stg_customers" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_customers" ("customer_id", "first_name", "last_name", "full_name", "email", "address", "city", "state", "postal_code", "phone_number", "_source_file", "_batch_at")
SELECT "out__customer_id", "out__first_name", "out__last_name", "out__full_name", "out__email", "out__address", "out__city", "out__state", "out__postal_code", "out__phone_number", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_customers"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_customers', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_customers"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_customers";
