-- silver.stg_locations: staging from Banking.Silver.StgLocations
CREATE TABLE IF NOT EXISTS "silver"."stg_locations" (
    "location_id" BIGINT NOT NULL,
    "city" VARCHAR(100) NOT NULL,
    "state" VARCHAR(100) NOT NULL,
    "country" VARCHAR(100) NOT NULL,
    "postal_code" VARCHAR(20),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_locations__quarantine" (
    "location_id" VARCHAR(65535),
    "city" VARCHAR(65535),
    "state" VARCHAR(65535),
    "country" VARCHAR(65535),
    "postal_code" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_locations";
CREATE TEMPORARY TABLE "__batch_stg_locations" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "location_id"), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM "city"), '') AS "raw__city",
        NULLIF(TRIM(BOTH ' ' FROM "state"), '') AS "raw__state",
        NULLIF(TRIM(BOTH ' ' FROM "country"), '') AS "raw__country",
        NULLIF(TRIM(BOTH ' ' FROM "postal_code"), '') AS "raw__postal_code",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_locations"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_locations')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__location_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        TRY_CAST("raw__city" AS VARCHAR(100)) AS "src__city",
        TRY_CAST("raw__state" AS VARCHAR(100)) AS "src__state",
        TRY_CAST("raw__country" AS VARCHAR(100)) AS "src__country",
        TRY_CAST("raw__postal_code" AS VARCHAR(20)) AS "src__postal_code"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__location_id" AS "out__location_id",
        "src__city" AS "out__city",
        "src__state" AS "out__state",
        "src__country" AS "out__country",
        "src__postal_code" AS "out__postal_code"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'invalid_location_id'
            WHEN LENGTH("raw__city") > 100 THEN 'too_long_city'
            WHEN LENGTH("raw__state") > 100 THEN 'too_long_state'
            WHEN LENGTH("raw__country") > 100 THEN 'too_long_country'
            WHEN LENGTH("raw__postal_code") > 20 THEN 'too_long_postal_code'
            WHEN "out__location_id" IS NULL THEN 'missing_location_id'
            WHEN "out__city" IS NULL THEN 'missing_city'
            WHEN "out__state" IS NULL THEN 'missing_state'
            WHEN "out__country" IS NULL THEN 'missing_country'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__location_id",
    "raw__city",
    "raw__state",
    "raw__country",
    "raw__postal_code",
    "out__location_id",
    "out__city",
    "out__state",
    "out__country",
    "out__postal_code",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__city") > 100 THEN 'city is longer than 100 characters'
        WHEN LENGTH("raw__state") > 100 THEN 'state is longer than 100 characters'
        WHEN LENGTH("raw__country") > 100 THEN 'country is longer than 100 characters'
        WHEN LENGTH("raw__postal_code") > 20 THEN 'postal_code is longer than 20 characters'
        WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
        WHEN "out__city" IS NULL THEN 'city is required but missing'
        WHEN "out__state" IS NULL THEN 'state is required but missing'
        WHEN "out__country" IS NULL THEN 'country is required but missing'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__location_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_locations__quarantine" ("location_id", "city", "state", "country", "postal_code", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__location_id", "raw__city", "raw__state", "raw__country", "raw__postal_code", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same location_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_locations"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_locations"
WHERE "location_id" IN (SELECT "out__location_id" FROM "__batch_stg_locations" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_locations" ("location_id", "city", "state", "country", "postal_code", "_source_file", "_batch_at")
SELECT "out__location_id", "out__city", "out__state", "out__country", "out__postal_code", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_locations"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_locations', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_locations"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_locations";
