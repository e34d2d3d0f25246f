-- silver.stg_channels: staging from Banking.Silver.StgChannels
CREATE TABLE IF NOT EXISTS "silver"."stg_channels" (
    "channel_id" BIGINT NOT NULL,
    "channel_name" VARCHAR(50) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_channels__quarantine" (
    "channel_id" VARCHAR(65535),
    "channel_name" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_channels";
CREATE TEMPORARY TABLE "__batch_stg_channels" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "channel_id"), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM "channel_name"), '') AS "raw__channel_name",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_channels"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_channels')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__channel_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__channel_id" AS BIGINT) END AS "src__channel_id",
        TRY_CAST("raw__channel_name" AS VARCHAR(50)) AS "src__channel_name"
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
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__channel_id",
    "raw__channel_name",
    "out__channel_id",
    "out__channel_name",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'channel_id: ''' || "raw__channel_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__channel_name") > 50 THEN 'channel_name is longer than 50 characters'
        WHEN "out__channel_id" IS NULL THEN 'channel_id is required but missing'
        WHEN "out__channel_name" IS NULL THEN 'channel_name is required but missing'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__channel_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_channels__quarantine" ("channel_id", "channel_name", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__channel_id", "raw__channel_name", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same channel_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_channels"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_channels"
WHERE "channel_id" IN (SELECT "out__channel_id" FROM "__batch_stg_channels" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_channels" ("channel_id", "channel_name", "_source_file", "_batch_at")
SELECT "out__channel_id", "out__channel_name", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_channels"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_channels', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_channels"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_channels";
