{{ config(materialized='view', bind=False) }}
-- silver.stg_loans__quarantine: the rows of bronze.dim_loans that silver.stg_loans leaves out, with the rule and the reason.
-- A late-binding view over every lake file now in the bronze source: unlike the Warehouse runner's quarantine
-- table it keeps no history per load, and de-duplication is judged over all files, not per batch.
WITH "raw" AS (
    SELECT
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_id" AS VARCHAR(65535))), '') AS "raw__loan_id",
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_type" AS VARCHAR(65535))), '') AS "raw__loan_type",
        NULLIF(TRIM(BOTH ' ' FROM CAST("loan_amount" AS VARCHAR(65535))), '') AS "raw__loan_amount",
        NULLIF(TRIM(BOTH ' ' FROM CAST("interest_rate" AS VARCHAR(65535))), '') AS "raw__interest_rate",
        "$path" AS "_source_file"
    FROM {{ source('bronze', 'dim_loans') }}
), "typed" AS (
    SELECT
        "raw".*,
        CASE WHEN "raw__loan_id" ~ '^[+-]?[0-9]+$' THEN CAST("raw__loan_id" AS BIGINT) END AS "src__loan_id",
        CAST("raw__loan_type" AS VARCHAR(50)) AS "src__loan_type",
        CASE WHEN "raw__loan_amount" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__loan_amount" AS DECIMAL(18,2)) END AS "src__loan_amount",
        CASE WHEN "raw__interest_rate" ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' THEN CAST("raw__interest_rate" AS DECIMAL(5,2)) END AS "src__interest_rate"
    FROM "raw"
), "modelled" AS (
    SELECT
        "typed".*,
        "src__loan_id" AS "out__loan_id",
        "src__loan_type" AS "out__loan_type",
        "src__loan_amount" AS "out__loan_amount",
        "src__interest_rate" AS "out__interest_rate"
    FROM "typed"
), "checked" AS (
    SELECT
        "modelled".*,
        CASE
            WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'invalid_loan_id'
            WHEN LENGTH("raw__loan_type") > 50 THEN 'too_long_loan_type'
            WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'invalid_loan_amount'
            WHEN "raw__interest_rate" IS NOT NULL AND "src__interest_rate" IS NULL THEN 'invalid_interest_rate'
            WHEN "out__loan_id" IS NULL THEN 'missing_loan_id'
            WHEN "out__loan_type" IS NULL THEN 'missing_loan_type'
            WHEN "out__loan_amount" IS NULL THEN 'missing_loan_amount'
            WHEN "out__interest_rate" IS NULL THEN 'missing_interest_rate'
            WHEN NOT (("out__loan_amount" > 0)) THEN 'positive_principal'
        END AS "__rule",
        CASE
            WHEN "raw__loan_id" IS NOT NULL AND "src__loan_id" IS NULL THEN 'loan_id: ''' || "raw__loan_id" || ''' is not a valid BIGINT'
            WHEN LENGTH("raw__loan_type") > 50 THEN 'loan_type is longer than 50 characters'
            WHEN "raw__loan_amount" IS NOT NULL AND "src__loan_amount" IS NULL THEN 'loan_amount: ''' || "raw__loan_amount" || ''' is not a valid DECIMAL(18,2)'
            WHEN "raw__interest_rate" IS NOT NULL AND "src__interest_rate" IS NULL THEN 'interest_rate: ''' || "raw__interest_rate" || ''' is not a valid DECIMAL(5,2)'
            WHEN "out__loan_id" IS NULL THEN 'loan_id is required but missing'
            WHEN "out__loan_type" IS NULL THEN 'loan_type is required but missing'
            WHEN "out__loan_amount" IS NULL THEN 'loan_amount is required but missing'
            WHEN "out__interest_rate" IS NULL THEN 'interest_rate is required but missing'
            WHEN NOT (("out__loan_amount" > 0)) THEN 'a loan''s principal must be positive'
        END AS "__reason"
    FROM "modelled"
), "ranked" AS (
    SELECT
        "checked".*,
        ROW_NUMBER() OVER (PARTITION BY "__rule" IS NULL, "out__loan_id" ORDER BY "_source_file" DESC, "raw__loan_id" DESC, "raw__loan_type" DESC, "raw__loan_amount" DESC, "raw__interest_rate" DESC) AS "__rank"
    FROM "checked"
)
SELECT
    "raw__loan_id" AS "loan_id",
    "raw__loan_type" AS "loan_type",
    "raw__loan_amount" AS "loan_amount",
    "raw__interest_rate" AS "interest_rate",
    "_source_file",
    COALESCE("__rule", 'duplicate_key') AS "_rule",
    COALESCE("__reason", 'a later row has the same loan_id') AS "_reason"
FROM "ranked"
WHERE "__rule" IS NOT NULL OR "__rank" > 1
