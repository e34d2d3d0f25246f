{{ config(materialized='view', bind=False) }}
-- silver.stg_customer_interactions__quarantine: the rows of bronze.fact_customer_interactions that silver.stg_customer_interactions leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("interaction_id" AS VARCHAR(65535))), '') AS "raw__interaction_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("date_id" AS VARCHAR(65535))), '') AS "raw__date_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("customer_id" AS VARCHAR(65535))), '') AS "raw__customer_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("channel_id" AS VARCHAR(65535))), '') AS "raw__channel_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("location_id" AS VARCHAR(65535))), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("interaction_type" AS VARCHAR(65535))), '') AS "raw__interaction_type",
        NULLIF(TRIM(BOTH ' ' FROM CAST("interaction_rating" AS VARCHAR(65535))), '') AS "raw__interaction_rating",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'fact_customer_interactions') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__interaction_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__interaction_id" AS BIGINT) END AS "src__interaction_id",
        CASE WHEN "raw__date_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__date_id" AS BIGINT) END AS "src__date_id",
        CASE WHEN "raw__customer_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__customer_id" AS BIGINT) END AS "src__customer_id",
        CASE WHEN "raw__channel_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__channel_id" AS BIGINT) END AS "src__channel_id",
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        CAST("raw__interaction_type" AS VARCHAR(50)) AS "src__interaction_type",
        CASE WHEN "raw__interaction_rating" ~ '^[+-]?[0-9]+$' THEN CAST("raw__interaction_rating" AS INTEGER) END AS "src__interaction_rating"
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
        END AS "__rule",
        CASE
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
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__interaction_id" ORDER BY "_source_file" DESC, "raw__interaction_id" DESC, "raw__date_id" DESC, "raw__customer_id" DESC, "raw__channel_id" DESC, "raw__location_id" DESC, "raw__interaction_type" DESC, "raw__interaction_rating" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__interaction_id" AS "interaction_id",
    "raw__date_id" AS "date_id",
    "raw__customer_id" AS "customer_id",
    "raw__channel_id" AS "channel_id",
    "raw__location_id" AS "location_id",
    "raw__interaction_type" AS "interaction_type",
    "raw__interaction_rating" AS "interaction_rating",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same interaction_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
