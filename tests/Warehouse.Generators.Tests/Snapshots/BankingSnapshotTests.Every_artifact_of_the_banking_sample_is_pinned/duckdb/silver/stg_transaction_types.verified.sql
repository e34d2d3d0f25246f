-- silver.stg_transaction_types: staging from Banking.Silver.StgTransactionTypes
CREATE TABLE IF NOT EXISTS "silver"."stg_transaction_types" (
    "transaction_type_id" BIGINT NOT NULL,
    "transaction_type_name" VARCHAR(50) NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_transaction_types__quarantine" (
    "transaction_type_id" VARCHAR(65535),
    "transaction_type_name" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_transaction_types";
CREATE TEMPORARY TABLE "__batch_stg_transaction_types" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "transaction_type_id"), '') AS "raw__transaction_type_id",
        NULLIF(TRIM(BOTH ' ' FROM "transaction_type_name"), '') AS "raw__transaction_type_name",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_transaction_types"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_transaction_types')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__transaction_type_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__transaction_type_id" AS BIGINT) END AS "src__transaction_type_id",
        TRY_CAST("raw__transaction_type_name" AS VARCHAR(50)) AS "src__transaction_type_name"
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
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__transaction_type_id",
    "raw__transaction_type_name",
    "out__transaction_type_id",
    "out__transaction_type_name",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__transaction_type_id" IS NOT NULL AND "src__transaction_type_id" IS NULL THEN 'transaction_type_id: ''' || "raw__transaction_type_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__transaction_type_name") > 50 THEN 'transaction_type_name is longer than 50 characters'
        WHEN "out__transaction_type_id" IS NULL THEN 'transaction_type_id is required but missing'
        WHEN "out__transaction_type_name" IS NULL THEN 'transaction_type_name is required but missing'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__transaction_type_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_transaction_types__quarantine" ("transaction_type_id", "transaction_type_name", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__transaction_type_id", "raw__transaction_type_name", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same transaction_type_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_transaction_types"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_transaction_types"
WHERE "transaction_type_id" IN (SELECT "out__transaction_type_id" FROM "__batch_stg_transaction_types" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_transaction_types" ("transaction_type_id", "transaction_type_name", "_source_file", "_batch_at")
SELECT "out__transaction_type_id", "out__transaction_type_name", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_transaction_types"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_transaction_types', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_transaction_types"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_transaction_types";
