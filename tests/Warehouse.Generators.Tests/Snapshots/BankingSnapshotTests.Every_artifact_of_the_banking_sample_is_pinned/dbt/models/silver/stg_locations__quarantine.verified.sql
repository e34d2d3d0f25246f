{{ config(materialized='view', bind=False) }}
-- silver.stg_locations__quarantine: the rows of bronze.dim_locations that silver.stg_locations leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("location_id" AS VARCHAR(65535))), '') AS "raw__location_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("city" AS VARCHAR(65535))), '') AS "raw__city",
        NULLIF(TRIM(BOTH ' ' FROM CAST("state" AS VARCHAR(65535))), '') AS "raw__state",
        NULLIF(TRIM(BOTH ' ' FROM CAST("country" AS VARCHAR(65535))), '') AS "raw__country",
        NULLIF(TRIM(BOTH ' ' FROM CAST("postal_code" AS VARCHAR(65535))), '') AS "raw__postal_code",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_locations') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__location_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__location_id" AS BIGINT) END AS "src__location_id",
        CAST("raw__city" AS VARCHAR(100)) AS "src__city",
        CAST("raw__state" AS VARCHAR(100)) AS "src__state",
        CAST("raw__country" AS VARCHAR(100)) AS "src__country",
        CAST("raw__postal_code" AS VARCHAR(20)) AS "src__postal_code"
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
        END AS "__rule",
        CASE
            WHEN "raw__location_id" IS NOT NULL AND "src__location_id" IS NULL THEN 'location_id: ''' || "raw__location_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__city") > 100 THEN 'city is longer than 100 characters'
            WHEN LENGTH("raw__state") > 100 THEN 'state is longer than 100 characters'
            WHEN LENGTH("raw__country") > 100 THEN 'country is longer than 100 characters'
            WHEN LENGTH("raw__postal_code") > 20 THEN 'postal_code is longer than 20 characters'
            WHEN "out__location_id" IS NULL THEN 'location_id is required but missing'
            WHEN "out__city" IS NULL THEN 'city is required but missing'
            WHEN "out__state" IS NULL THEN 'state is required but missing'
            WHEN "out__country" IS NULL THEN 'country is required but missing'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__location_id" ORDER BY "_source_file" DESC, "raw__location_id" DESC, "raw__city" DESC, "raw__state" DESC, "raw__country" DESC, "raw__postal_code" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__location_id" AS "location_id",
    "raw__city" AS "city",
    "raw__state" AS "state",
    "raw__country" AS "country",
    "raw__postal_code" AS "postal_code",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same location_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
