-- silver.stg_customer_interactions: staging from Banking.Silver.StgCustomerInteractions
CREATE TABLE IF NOT EXISTS "silver"."stg_customer_interactions" (
    "interaction_id" BIGINT NOT NULL,
    "date_id" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "channel_id" BIGINT NOT NULL,
    "location_id" BIGINT NOT NULL,
    "interaction_type" VARCHAR(50) NOT NULL,
    "interaction_rating" INTEGER NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_customer_interactions__quarantine" (
    "interaction_id" VARCHAR(65535),
    "date_id" VARCHAR(65535),
    "customer_id" VARCHAR(65535),
    "channel_id" VARCHAR(65535),
    "location_id" VARCHAR(65535),
    "interaction_type" VARCHAR(65535),
    "interaction_rating" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_customer_interactions";
CREATE TEMPORARY TABLE "__batch_stg_customer_interactions" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "interaction_id"), '') AS "raw__interaction_id",
        NULLIF(TRIM(BOTH ' ' FROM "date_id"), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM "customer_id"), '') AS "raw__customer_id",
        NULLIF(TRIM(BOTH ' ' FROM "channel_id"), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM "location_id"), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM "interaction_type"), '') AS "raw__interaction_type",
        NULLIF(TRIM(BOTH ' ' FROM "interaction_rating"), '') AS "raw__interaction_rating",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."fact_customer_interactions"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_customer_interactions')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__interaction_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__interaction_id" AS BIGINT) END AS "src__interaction_id",
        CASE WHEN REGEXP_MATCHES("raw__date_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN REGEXP_MATCHES("raw__customer_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__customer_id" AS BIGINT) END AS "src__customer_id",
        CASE WHEN REGEXP_MATCHES("raw__channel_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__channel_id" AS BIGINT) END AS "src__channel_id",
        CASE WHEN REGEXP_MATCHES("raw__location_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        TRY_CAST("raw__interaction_type" AS VARCHAR(50)) AS "src__interaction_type",
        CASE WHEN REGEXP_MATCHES("raw__interaction_rating", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__interaction_rating" AS INTEGER) END AS "src__interaction_rating"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__interaction_id" AS "out__interaction_id",
        "src__date_id" AS "out__date_id",
        "src__customer_id" AS "out__customer_id",
        "src__channel_id" AS "out__channel_id",
        "src__location_id" AS "out__location_id",
        "src__interaction_type" AS "out__interaction_type",
        "src__interaction_rating" AS "out__interaction_rating"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__interaction_id" IS NOT NULL AND "src__interaction_id" IS NULL THEN 'invalid_interaction_id'
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'invalid_customer_id'
            WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'invalid_channel_id'
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'invalid_location_id'
            WHEN LENGTH("raw__interaction_type") > 50 THEN 'too_long_interaction_type'
            WHEN "raw__interaction_rating" IS NOT NULL AND "src__interaction_rating" IS NULL THEN 'invalid_interaction_rating'
            WHEN "out__interaction_id" IS NULL THEN 'missing_interaction_id'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__customer_id" IS NULL THEN 'missing_customer_id'
            WHEN "out__channel_id" IS NULL THEN 'missing_channel_id'
            WHEN "out__location_id" IS NULL THEN 'missing_location_id'
            WHEN "out__interaction_type" IS NULL THEN 'missing_interaction_type'
            WHEN "out__interaction_rating" IS NULL THEN 'missing_interaction_rating'
            WHEN NOT (("out__interaction_rating" BETWEEN 1 AND 5)) THEN 'rating_one_to_five'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__interaction_id",
    "raw__date_id",
    "raw__customer_id",
    "raw__channel_id",
    "raw__location_id",
    "raw__interaction_type",
    "raw__interaction_rating",
    "out__interaction_id",
    "out__date_id",
    "out__customer_id",
    "out__channel_id",
    "out__location_id",
    "out__interaction_type",
    "out__interaction_rating",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__interaction_id" IS NOT NULL AND "src__interaction_id" IS NULL THEN 'interaction_id: ''' || "raw__interaction_id" || ''' is not a valid BIGINT'
        WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
        WHEN "raw__customer_id" IS NOT NULL AND "src__customer_id" IS NULL THEN 'customer_id: ''' || "raw__customer_id" || ''' is not a valid BIGINT'
        WHEN "raw__channel_id" IS NOT NULL AND "src__channel_id" IS NULL THEN 'channel_id: ''' || "raw__channel_id" || ''' is not a valid BIGINT'
        WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
        WHEN LENGTH("raw__interaction_type") > 50 THEN 'interaction_type is longer than 50 characters'
        WHEN "raw__interaction_rating" IS NOT NULL AND "src__interaction_rating" IS NULL THEN 'interaction_rating: ''' || "raw__interaction_rating" || ''' is not a valid INTEGER'
        WHEN "out__interaction_id" IS NULL THEN 'interaction_id is required but missing'
        WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
        WHEN "out__customer_id" IS NULL THEN 'customer_id is required but missing'
        WHEN "out__channel_id" IS NULL THEN 'channel_id is required but missing'
        WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
        WHEN "out__interaction_type" IS NULL THEN 'interaction_type is required but missing'
        WHEN "out__interaction_rating" IS NULL THEN 'interaction_rating is required but missing'
        WHEN NOT (("out__interaction_rating" BETWEEN 1 AND 5)) THEN 'interaction rating must be 1 to 5'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__interaction_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_customer_interactions__quarantine" ("interaction_id", "date_id", "customer_id", "channel_id", "location_id", "interaction_type", "interaction_rating", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__interaction_id", "raw__date_id", "raw__customer_id", "raw__channel_id", "raw__location_id", "raw__interaction_type", "raw__interaction_rating", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same interaction_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_customer_interactions"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_customer_interactions"
WHERE "interaction_id" IN (SELECT "out__interaction_id" FROM "__batch_stg_customer_interactions" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_customer_interactions" ("interaction_id", "date_id", "customer_id", "channel_id", "location_id", "interaction_type", "interaction_rating", "_source_file", "_batch_at")
SELECT "out__interaction_id", "out__date_id", "out__customer_id", "out__channel_id", "out__location_id", "out__interaction_type", "out__interaction_rating", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_customer_interactions"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_customer_interactions', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_customer_interactions"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_customer_interactions";
