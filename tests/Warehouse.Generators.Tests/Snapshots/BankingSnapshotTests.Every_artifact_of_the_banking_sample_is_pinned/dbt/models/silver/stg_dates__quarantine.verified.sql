{{ config(materialized='view', bind=False) }}
-- silver.stg_dates__quarantine: the rows of bronze.dim_dates that silver.stg_dates leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date" AS VARCHAR(65535))), '') AS "raw__date",
        NULLIF(TRIM(BOTH ' ' FROM CAST("day" AS VARCHAR(65535))), '') AS "raw__day",
        NULLIF(TRIM(BOTH ' ' FROM CAST("month" AS VARCHAR(65535))), '') AS "raw__month",
        NULLIF(TRIM(BOTH ' ' FROM CAST("year" AS VARCHAR(65535))), '') AS "raw__year",
        NULLIF(TRIM(BOTH ' ' FROM CAST("weekday" AS VARCHAR(65535))), '') AS "raw__weekday",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_dates') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__date" ~ '^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN CAST("raw__date" AS DATE) END AS "src__date",
        CASE WHEN "raw__day" ~ '^[+-]?[0-9]+$' THEN CAST("raw__day" AS INTEGER) END AS "src__day",
        CASE WHEN "raw__month" ~ '^[+-]?[0-9]+$' THEN CAST("raw__month" AS INTEGER) END AS "src__month",
        CASE WHEN "raw__year" ~ '^[+-]?[0-9]+$' THEN CAST("raw__year" AS INTEGER) END AS "src__year",
        CASE WHEN "raw__weekday" ~ '^[+-]?[0-9]+$' THEN CAST("raw__weekday" AS INTEGER) END AS "src__weekday"
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
        END AS "__rule",
        CASE
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
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__date_id" ORDER BY "_source_file" DESC, "raw__date_id" DESC, "raw__date" DESC, "raw__day" DESC, "raw__month" DESC, "raw__year" DESC, "raw__weekday" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__date_id" AS "date_id",
    "raw__date" AS "date",
    "raw__day" AS "day",
    "raw__month" AS "month",
    "raw__year" AS "year",
    "raw__weekday" AS "weekday",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same date_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
