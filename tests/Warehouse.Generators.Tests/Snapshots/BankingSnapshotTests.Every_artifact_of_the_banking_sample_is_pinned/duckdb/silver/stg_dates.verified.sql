-- silver.stg_dates: staging from Banking.Silver.StgDates
CREATE TABLE IF NOT EXISTS "silver"."stg_dates" (
    "date_id" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "day" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "_source_file" VARCHAR(1024) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
-- Rows that fail a cast, a required column, a rule or de-duplication, with the reason; as delivered.
CREATE TABLE IF NOT EXISTS "silver"."stg_dates__quarantine" (
    "date_id" VARCHAR(65535),
    "date" VARCHAR(65535),
    "day" VARCHAR(65535),
    "month" VARCHAR(65535),
    "year" VARCHAR(65535),
    "weekday" VARCHAR(65535),
    "_source_file" VARCHAR(1024) NOT NULL,
    "_rule" VARCHAR(256) NOT NULL,
    "_reason" VARCHAR(2048) NOT NULL,
    "_batch_at" TIMESTAMP NOT NULL
);
DROP TABLE IF EXISTS "__batch_stg_dates";
CREATE TEMPORARY TABLE "__batch_stg_dates" AS
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM "date_id"), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM "date"), '') AS "raw__date",
        NULLIF(TRIM(BOTH ' ' FROM "day"), '') AS "raw__day",
        NULLIF(TRIM(BOTH ' ' FROM "month"), '') AS "raw__month",
        NULLIF(TRIM(BOTH ' ' FROM "year"), '') AS "raw__year",
        NULLIF(TRIM(BOTH ' ' FROM "weekday"), '') AS "raw__weekday",
        "_source_row" AS "_source_row",
        "_source_file" AS "_source_file"
    FROM "bronze"."dim_dates"
    WHERE "_source_file" NOT IN (SELECT "source_file" FROM "_warehouse"."processed_files" WHERE "node" = 'silver.stg_dates')
        -- The same files, listed by the runner: DuckDB drops them before numbering rows.
        AND NOT LIST_CONTAINS(STRING_SPLIT('{{processed_files}}', CHR(10)), "_source_file")
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN REGEXP_MATCHES("raw__date_id", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN REGEXP_MATCHES("raw__date", '^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') THEN TRY_CAST("raw__date" AS DATE) END AS "src__date",
        CASE WHEN REGEXP_MATCHES("raw__day", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__day" AS INTEGER) END AS "src__day",
        CASE WHEN REGEXP_MATCHES("raw__month", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__month" AS INTEGER) END AS "src__month",
        CASE WHEN REGEXP_MATCHES("raw__year", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__year" AS INTEGER) END AS "src__year",
        CASE WHEN REGEXP_MATCHES("raw__weekday", '^[+-]?[0-9]+$') THEN TRY_CAST("raw__weekday" AS INTEGER) END AS "src__weekday"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__date_id" AS "out__date_id",
        "src__date" AS "out__date",
        "src__day" AS "out__day",
        "src__month" AS "out__month",
        CAST(CAST(EXTRACT(QUARTER FROM "src__date") AS INTEGER) AS INTEGER) AS "out__quarter",
        "src__year" AS "out__year",
        "src__weekday" AS "out__weekday"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'invalid_date_id'
            WHEN "raw__date" IS NOT NULL AND "src__date" IS NULL THEN 'invalid_date'
            WHEN "raw__day" IS NOT NULL AND "src__day" IS NULL THEN 'invalid_day'
            WHEN "raw__month" IS NOT NULL AND "src__month" IS NULL THEN 'invalid_month'
            WHEN "raw__year" IS NOT NULL AND "src__year" IS NULL THEN 'invalid_year'
            WHEN "raw__weekday" IS NOT NULL AND "src__weekday" IS NULL THEN 'invalid_weekday'
            WHEN "out__date_id" IS NULL THEN 'missing_date_id'
            WHEN "out__date" IS NULL THEN 'missing_date'
            WHEN "out__day" IS NULL THEN 'missing_day'
            WHEN "out__month" IS NULL THEN 'missing_month'
            WHEN "out__quarter" IS NULL THEN 'missing_quarter'
            WHEN "out__year" IS NULL THEN 'missing_year'
            WHEN "out__weekday" IS NULL THEN 'missing_weekday'
            WHEN NOT (("out__weekday" BETWEEN 1 AND 7)) THEN 'valid_weekday'
        END AS "__rule"
    FROM "modelled"
)
SELECT
    "raw__date_id",
    "raw__date",
    "raw__day",
    "raw__month",
    "raw__year",
    "raw__weekday",
    "out__date_id",
    "out__date",
    "out__day",
    "out__month",
    "out__quarter",
    "out__year",
    "out__weekday",
    "_source_file",
    "__rule",
    CASE WHEN "__rule" IS NOT NULL THEN CASE
        WHEN "raw__date_id" IS NOT NULL AND "src__date_id" IS NULL THEN 'date_id: ''' || "raw__date_id" || ''' is not a valid BIGINT'
        WHEN "raw__date" IS NOT NULL AND "src__date" IS NULL THEN 'date: ''' || "raw__date" || ''' is not a valid DATE'
        WHEN "raw__day" IS NOT NULL AND "src__day" IS NULL THEN 'day: ''' || "raw__day" || ''' is not a valid INTEGER'
        WHEN "raw__month" IS NOT NULL AND "src__month" IS NULL THEN 'month: ''' || "raw__month" || ''' is not a valid INTEGER'
        WHEN "raw__year" IS NOT NULL AND "src__year" IS NULL THEN 'year: ''' || "raw__year" || ''' is not a valid INTEGER'
        WHEN "raw__weekday" IS NOT NULL AND "src__weekday" IS NULL THEN 'weekday: ''' || "raw__weekday" || ''' is not a valid INTEGER'
        WHEN "out__date_id" IS NULL THEN 'date_id is required but missing'
        WHEN "out__date" IS NULL THEN 'date is required but missing'
        WHEN "out__day" IS NULL THEN 'day is required but missing'
        WHEN "out__month" IS NULL THEN 'month is required but missing'
        WHEN "out__quarter" IS NULL THEN 'quarter is required but missing'
        WHEN "out__year" IS NULL THEN 'year is required but missing'
        WHEN "out__weekday" IS NULL THEN 'weekday is required but missing'
        WHEN NOT (("out__weekday" BETWEEN 1 AND 7)) THEN 'weekday must be 1 (Monday) to 7 (Sunday)'
    END END AS "__reason",
    ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__date_id" ORDER BY "_source_file" DESC, "_source_row" DESC NULLS LAST) AS "__rank"
FROM "checked";
INSERT INTO "silver"."stg_dates__quarantine" ("date_id", "date", "day", "month", "year", "weekday", "_source_file", "_rule", "_reason", "_batch_at")
SELECT "raw__date_id", "raw__date", "raw__day", "raw__month", "raw__year", "raw__weekday", "_source_file", COALESCE("__rule", 'duplicate_key'), COALESCE("__reason", 'a later row has the same date_id'), CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_dates"
WHERE "__rule" IS NOT NULL OR "__rank" > 1;
DELETE FROM "silver"."stg_dates"
WHERE "date_id" IN (SELECT "out__date_id" FROM "__batch_stg_dates" WHERE "__rule" IS NULL AND "__rank" = 1);
INSERT INTO "silver"."stg_dates" ("date_id", "date", "day", "month", "quarter", "year", "weekday", "_source_file", "_batch_at")
SELECT "out__date_id", "out__date", "out__day", "out__month", "out__quarter", "out__year", "out__weekday", "_source_file", CAST('{{batch_at}}' AS TIMESTAMP)
FROM "__batch_stg_dates"
WHERE "__rule" IS NULL AND "__rank" = 1;
INSERT INTO "_warehouse"."processed_files" ("node", "source_file", "batch_at", "rows_read", "rows_loaded", "rows_quarantined")
SELECT 'silver.stg_dates', "_source_file", CAST('{{batch_at}}' AS TIMESTAMP), COUNT(*),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN "__rule" IS NULL AND "__rank" = 1 THEN 0 ELSE 1 END)
FROM "__batch_stg_dates"
GROUP BY "_source_file";
DROP TABLE "__batch_stg_dates";
